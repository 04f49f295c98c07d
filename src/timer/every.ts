import { TimerExpressionError } from './timer-expression-error.js';

/**
 * FC's shortest interval, in seconds. The console's interval mode takes a positive whole number of minutes, and
 * FC's examples are `@every 4m` and `@every 100m`; a minute is the inferred minimum.
 *
 * @example
 * ```ts
 * const seconds = 30;
 * const cronExpression = `@every ${Math.max(seconds, MIN_EVERY_SECONDS)}s`; // '@every 60s'
 * ```
 * @see https://www.alibabacloud.com/help/id/functioncompute/api-fc-2023-03-30-struct-timertriggerconfig
 */
export const MIN_EVERY_SECONDS = 60;

const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };

/** Go-style duration groups (`1h30m`, `1.5h`, `500ms`), recognised so that each mistake gets its own message. */
const GROUP = /(\d+(?:\.\d+)?)(ns|us|µs|ms|[a-zµ]+)?/gy;

/**
 * The interval of `@every <duration>`, in seconds. FC documents minutes (`@every 4m`); its `@every` comes from a
 * Go scheduler, whose durations chain whole-number groups, so fc-sim takes `h`, `m` and `s` groups in any
 * combination (`90m`, `1h30m`, `1m30s`) as long as the total is at least {@link MIN_EVERY_SECONDS}. Fractions
 * (`1.5h`) and units below a second are refused: FC documents neither.
 */
export function parseEveryDuration(duration: string, offset: number): number {
  const span = { start: offset, end: offset + duration.length };
  const fail = (detail: string, hint?: string): never => {
    throw new TimerExpressionError(`@every "${duration}": ${detail}`, 'every', span, hint);
  };
  if (duration === '') throw new TimerExpressionError('@every: missing duration', 'every', span, 'e.g. "@every 5m" or "@every 1h30m"');
  if (/\s/.test(duration)) fail('one duration without spaces', 'e.g. "@every 1h30m"');

  let seconds = 0;
  let fractional = false;
  GROUP.lastIndex = 0;
  for (let match = GROUP.exec(duration); match; match = GROUP.exec(duration)) {
    const [, amount, unit] = match;
    if (unit === undefined) fail(`missing unit after ${amount}`, `e.g. "@every ${amount}m" (h, m or s)`);
    const perUnit = UNIT_SECONDS[unit!];
    if (perUnit === undefined) {
      if (['ns', 'us', 'µs', 'ms'].includes(unit!)) fail(`unit "${unit}": FC's interval is counted in h, m or s (at least 1 minute)`);
      fail(`unknown unit "${unit}"`, unit === 'd' ? 'use h, m or s: a day is 24h' : 'use h, m or s');
    }
    fractional ||= amount!.includes('.');
    seconds += Number(amount) * perUnit!;
    if (GROUP.lastIndex === duration.length) {
      if (seconds < MIN_EVERY_SECONDS) fail("below FC's minimum interval of 1 minute", 'e.g. "@every 1m"');
      if (fractional) {
        const whole = Number.isInteger(seconds) ? `; write "@every ${formatDuration(seconds)}"` : '';
        fail(`FC takes whole numbers${whole}`);
      }
      return seconds;
    }
  }
  return fail('not a duration', 'e.g. "@every 5m" or "@every 1h30m"');
}

/** `5400` → `1h30m`: how a (positive) duration reads in an expression. */
function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${rest ? `${rest}s` : ''}`;
}
