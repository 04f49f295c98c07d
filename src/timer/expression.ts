import type { CronField } from './cron-field.js';
import { parseCronField } from './cron-field.js';
import { parseEveryDuration } from './every.js';
import type { CronFieldName } from './fields.js';
import { CRON_FIELDS } from './fields.js';
import { TimerExpressionError } from './timer-expression-error.js';
import { DEFAULT_ZONE, ianaZone } from './zone.js';

/**
 * FC timer expressions (a timer trigger's `cronExpression`): six cron fields, seconds first, optionally after a
 * `CRON_TZ=<IANA zone> ` prefix, or `@every <duration>`. See fields.ts for the field rules and every.ts for
 * intervals; everything FC would refuse throws a {@link TimerExpressionError} naming the bad part.
 *
 * @example
 * ```ts
 * const expression: TimerExpression = parseTimerExpression('CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI');
 * if (expression.kind === 'every') console.log(`every ${expression.intervalSeconds} s`);
 * else console.log(`cron in ${expression.zone}`);
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see README.md#timer-schedules
 */
export type TimerExpression = CronTimerExpression | EveryTimerExpression;

export type CronFields = Readonly<Record<CronFieldName, CronField>>;

interface TimerExpressionBase {
  /** The expression as given. */
  source: string;
  /** The zone the schedule runs in: the `zone` option, else the expression's `CRON_TZ=`, else UTC. */
  zone: string;
  /** The zone the expression's own `CRON_TZ=` prefix names. */
  cronTz: string | undefined;
}

/**
 * A parsed six-field cron expression (seconds first), with the zone its schedule runs in.
 *
 * @example
 * ```ts
 * const expression = parseTimerExpression('0 0 4 * * *');
 * if (expression.kind === 'cron') {
 *   const cron: CronTimerExpression = expression;
 *   console.log(cron.zone, cron.cronTz); // 'UTC', undefined
 * }
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 */
export interface CronTimerExpression extends TimerExpressionBase {
  kind: 'cron';
  fields: CronFields;
}

/**
 * A parsed `@every <duration>` expression: a fixed interval, at least a minute.
 *
 * @example
 * ```ts
 * const expression = parseTimerExpression('@every 1h30m');
 * if (expression.kind === 'every') {
 *   const every: EveryTimerExpression = expression;
 *   console.log(every.intervalSeconds); // 5400
 * }
 * ```
 * @see https://www.alibabacloud.com/help/id/functioncompute/api-fc-2023-03-30-struct-timertriggerconfig
 */
export interface EveryTimerExpression extends TimerExpressionBase {
  kind: 'every';
  intervalSeconds: number;
}

/**
 * Options of {@link parseTimerExpression}: the zone to run the schedule in.
 *
 * @example
 * ```ts
 * const options: ParseTimerExpressionOptions = { zone: 'Europe/Berlin' };
 * const expression = parseTimerExpression('0 30 2 * * *', options);
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 */
export interface ParseTimerExpressionOptions {
  /** Run the schedule in this IANA zone, overriding the expression's `CRON_TZ=` (or setting one). */
  zone?: string;
}

/** Cron macros of other dialects and what to write in FC instead. */
const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 ?',
  '@annually': '0 0 0 1 1 ?',
  '@monthly': '0 0 0 1 * ?',
  '@weekly': '0 0 0 ? * SUN',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
  '@minutely': '0 * * * * *',
  '@weekdays': '0 0 0 ? * MON-FRI',
  '@weekends': '0 0 0 ? * SAT,SUN',
};

/** The longest day-of-month of each month; February's 29 happens in leap years. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface Token {
  text: string;
  start: number;
}

/**
 * Parses and checks an FC timer expression; anything FC would refuse throws a {@link TimerExpressionError}.
 *
 * @example
 * ```ts
 * const expression = parseTimerExpression('CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI');
 * const firings = timerSchedule(expression, { from: new Date('2025-03-01T00:00:00Z'), count: 5 });
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see README.md#timer-schedules
 */
export function parseTimerExpression(source: string, options: ParseTimerExpressionOptions = {}): TimerExpression {
  const tokens: Token[] = [...source.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
  const spanOf = (from: Token, to: Token = from) => ({ start: from.start, end: to.start + to.text.length });
  const first = tokens[0];
  if (!first)
    throw new TimerExpressionError(
      'empty expression: FC needs six fields (seconds first) or @every <duration>',
      'expression',
      undefined,
      'e.g. "0 0 4 * * *" or "@every 5m"',
    );

  let cronTz: string | undefined;
  let rest = tokens;
  const zonePrefix = /^(?:CRON_)?TZ=/i.exec(first.text);
  if (zonePrefix) {
    const name = first.text.slice(zonePrefix[0].length);
    if (zonePrefix[0] !== 'CRON_TZ=') {
      throw new TimerExpressionError(
        `"${zonePrefix[0]}": FC's zone prefix is CRON_TZ=`,
        'zone',
        { start: first.start, end: first.start + zonePrefix[0].length },
        `write "CRON_TZ=${name}"`,
      );
    }
    cronTz = ianaZone(name, 'CRON_TZ', { start: first.start + zonePrefix[0].length, end: first.start + first.text.length });
    rest = tokens.slice(1);
    if (!rest[0]) throw new TimerExpressionError(`${first.text}: no schedule after the zone`, 'expression', spanOf(first), `e.g. "${first.text} 0 0 4 * * *"`);
  }
  const zone = options.zone === undefined ? (cronTz ?? DEFAULT_ZONE) : ianaZone(options.zone, 'time zone');
  const base = { source, zone, cronTz };
  const head = rest[0]!;
  const last = rest.at(-1)!;

  if (head.text.startsWith('@')) {
    if (head.text === '@every') {
      if (cronTz !== undefined) {
        throw new TimerExpressionError(
          `${first.text} with @every: FC takes "@every <duration>" alone (an interval does not depend on the zone)`,
          'zone',
          spanOf(first),
          `write "${source.slice(head.start).trim()}"`,
        );
      }
      const duration = rest[1] ? source.slice(rest[1].start, last.start + last.text.length) : '';
      return { ...base, kind: 'every', intervalSeconds: parseEveryDuration(duration, rest[1]?.start ?? head.start + head.text.length) };
    }
    if (head.text.startsWith('@every'))
      throw new TimerExpressionError(`"${head.text}": put a space after @every`, 'every', spanOf(head), `write "@every ${head.text.slice('@every'.length)}"`);
    const macro = MACROS[head.text.toLowerCase()];
    if (macro !== undefined)
      throw new TimerExpressionError(`"${head.text}": FC does not accept cron macros: did you mean "${macro}"?`, 'expression', spanOf(head));
    throw new TimerExpressionError(
      `"${head.text}": not an FC expression`,
      'expression',
      spanOf(head),
      'write six fields (seconds first) or "@every <duration>"',
    );
  }

  if (rest.length !== CRON_FIELDS.length) throw fieldCountError(rest, cronTz, spanOf(head, last));
  const fields = Object.fromEntries(CRON_FIELDS.map((spec, i) => [spec.name, parseCronField(spec, rest[i]!.text, rest[i]!.start)])) as Record<
    CronFieldName,
    CronField
  >;
  checkDays(fields, rest);
  return { ...base, kind: 'cron', fields };
}

function fieldCountError(fields: readonly Token[], cronTz: string | undefined, span: { start: number; end: number }): TimerExpressionError {
  const count = `${fields.length} field${fields.length === 1 ? '' : 's'}: FC needs 6 (seconds first)`;
  if (fields.length === 5) {
    const prefix = cronTz === undefined ? '' : `CRON_TZ=${cronTz} `;
    return new TimerExpressionError(`${count}: did you mean "${prefix}0 ${fields.map((field) => field.text).join(' ')}"?`, 'expression', span);
  }
  if (fields.length === 7) return new TimerExpressionError(`${count} and has no year field`, 'expression', span);
  return new TimerExpressionError(`${count}: second minute hour day-of-month month day-of-week`, 'expression', span);
}

/** Day-of-month and day-of-week together: one must be * or ?, and the days must exist in the months. */
function checkDays(fields: CronFields, tokens: readonly Token[]): void {
  const [dayOfMonthToken, monthToken, dayOfWeekToken] = [tokens[3]!, tokens[4]!, tokens[5]!];
  const { dayOfMonth, month, dayOfWeek } = fields;
  if (!dayOfMonth.wildcard && !dayOfWeek.wildcard) {
    // Other crons fire when either matches; FC's `?` ("one or the other") and Alibaba's sibling products require
    // one of the two to be left open, so fc-sim refuses rather than guess.
    const six = tokens.map((token) => token.text);
    const onlyDays = six.with(5, '?').join(' ');
    const onlyWeekdays = six.with(3, '?').join(' ');
    throw new TimerExpressionError(
      `day-of-month "${dayOfMonth.text}" and day-of-week "${dayOfWeek.text}" are both set: FC needs * or ? in one of them`,
      'dayOfWeek',
      { start: dayOfMonthToken.start, end: dayOfWeekToken.start + dayOfWeekToken.text.length },
      `e.g. "${onlyDays}" (by day of the month) or "${onlyWeekdays}" (by day of the week)`,
    );
  }
  if (!dayOfMonth.wildcard && !dayOfMonth.values.some((day) => month.values.some((m) => day <= MONTH_DAYS[m - 1]!))) {
    throw new TimerExpressionError(
      `day-of-month field "${dayOfMonth.text}": never falls in month "${monthToken.text}" (the timer would never fire)`,
      'dayOfMonth',
      { start: dayOfMonthToken.start, end: dayOfMonthToken.start + dayOfMonthToken.text.length },
    );
  }
}
