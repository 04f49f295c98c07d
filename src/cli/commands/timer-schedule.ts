import { FcSimError } from '../../errors.js';
import { utcSeconds } from '../../triggers/_shared/common.js';
import { buildTimerEvent } from '../../triggers/timer/build.js';
import { formatIssue } from '../../schema/issues.js';
import { validate } from '../../schema/validate.js';
import type { TimerExpression } from '../../timer/expression.js';
import { parseTimerExpression } from '../../timer/expression.js';
import { firingsFrom } from '../../timer/schedule.js';
import type { ScheduledTimerEvent } from '../../timer/scheduled-events.js';
import { scheduledTimerEvents } from '../../timer/scheduled-events.js';
import type { FunctionFlags } from '../function-options.js';
import { refuseFunctionFlags } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { table as formatTable } from '../table.js';
import { hasTarget } from '../target-options.js';
import { TimerExpressionError } from '../../timer/timer-expression-error.js';
import { ianaZone } from '../../timer/zone.js';
import { zonedTime } from '../../timer/zoned-time.js';

export interface TimerScheduleOptions extends FunctionFlags {
  cron: string;
  tz?: string;
  from?: string;
  to?: string;
  count?: number;
  json?: boolean;
  payload?: string;
  triggerName?: string;
  /** Fire on the wall clock instead of in virtual time (with --handler). */
  realtime?: boolean;
  // Flags of the single-event command, refused here.
  time?: unknown;
  set?: string[];
  random?: boolean;
  seed?: number;
}

/** Firings printed when neither --to nor --count ends the schedule. */
const DEFAULT_COUNT = 10;
/** A longer schedule is refused rather than printed: every minute for a year is 525,600 firings. */
const MAX_FIRINGS = 100_000;

const usage = (message: string, hint?: string) => new FcSimError('E_USAGE', message, hint);

/**
 * `fc-sim timer --cron <expression>`: the firings of an FC timer expression, in virtual time, as a table (UTC, the
 * expression's zone, the triggerTime FC sends) or, with --json, the timer event of each firing as NDJSON.
 * The zone is --tz when given (it overrides the expression's CRON_TZ=, with a warning when they differ), else the
 * expression's CRON_TZ=, else UTC, as FC does.
 */
export async function timerScheduleCommand(options: TimerScheduleOptions, io: CommandIo): Promise<number> {
  refuseSingleEventFlags(options);
  const zone = options.tz === undefined ? undefined : ianaZone(options.tz, '--tz');
  const expression = parsed(options.cron, zone);
  if (zone !== undefined && expression.cronTz !== undefined && zone !== expression.cronTz) {
    io.stderr.write(`fc-sim: warning: --tz ${zone} overrides the expression's CRON_TZ=${expression.cronTz} (FC runs it in ${expression.cronTz})\n`);
  }
  const from = options.from === undefined ? new Date() : instant('--from', options.from);
  const to = options.to === undefined ? undefined : instant('--to', options.to);
  if (to !== undefined && to <= from) throw usage(`--to: ${utcSeconds(to)} is not after --from ${utcSeconds(from)}`, 'the schedule covers [--from, --to)');
  if (options.count !== undefined && options.count > MAX_FIRINGS) throw usage(`--count: at most ${MAX_FIRINGS} firings`);
  const trigger = { triggerName: options.triggerName, payload: options.payload };
  checkTriggerFlags(trigger);
  if (options.realtime) return fireOnTheWallClock(expression, from, to, options.count, trigger, options, io);

  // One more than the limit, to tell a window that holds too many firings from one that holds exactly the limit.
  const count = options.count ?? (to === undefined ? DEFAULT_COUNT : MAX_FIRINGS + 1);
  const scheduled = scheduledTimerEvents(expression, { from, to, count }, trigger);
  if (scheduled.length > MAX_FIRINGS) throw usage(`the window holds more than ${MAX_FIRINGS} firings`, 'narrow --to, or add --count');

  if (options.handler !== undefined || options.config !== undefined || hasTarget(options)) {
    // Virtual time: every firing now, one after another, on one warm instance as FC keeps it.
    const { runInvocations } = await import('../run-invocations.js');
    if (!options.json) io.stderr.write(`${table(scheduled, expression.zone)}\n`);
    return runInvocations(
      scheduled.map(({ event }) => ({ bytes: Buffer.from(JSON.stringify(event)) })),
      { invocationType: 'async', ...options },
      io,
    );
  }
  refuseFunctionFlags(options, 'fc-sim timer --cron without them lists the firings and');
  if (options.json) {
    io.stdout.write(scheduled.map(({ event }) => `${JSON.stringify(event)}\n`).join(''));
  } else {
    const window = to === undefined ? `from ${utcSeconds(from)}` : `from ${utcSeconds(from)} to ${utcSeconds(to)}`;
    io.stdout.write(
      `${expression.source.trim()}: ${scheduled.length} firing${scheduled.length === 1 ? '' : 's'} ${window}\n\n${table(scheduled, expression.zone)}`,
    );
  }
  return 0;
}

/**
 * `--realtime`: waits for each firing on the wall clock and invokes the handler then, until --count firings or
 * --to (or Ctrl-C), for watching a function run as it will in FC.
 */
async function fireOnTheWallClock(
  expression: TimerExpression,
  from: Date,
  to: Date | undefined,
  count: number | undefined,
  trigger: { triggerName: string | undefined; payload: string | undefined },
  options: TimerScheduleOptions,
  io: CommandIo,
): Promise<number> {
  const start = new Date(Math.max(from.getTime(), Date.now()));
  async function* firings() {
    let fired = 0;
    for (const firing of firingsFrom(expression, start)) {
      if ((to !== undefined && firing >= to) || (count !== undefined && fired >= count)) return;
      const wait = firing.getTime() - Date.now();
      io.stderr.write(`fc-sim: next firing ${utcSeconds(firing)} (in ${Math.max(0, Math.round(wait / 1000))} s)\n`);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      fired += 1;
      const event = buildTimerEvent({ ...Object.fromEntries(Object.entries(trigger).filter(([, value]) => value !== undefined)), time: firing });
      yield { bytes: Buffer.from(JSON.stringify(event)) };
    }
  }
  const { runInvocations } = await import('../run-invocations.js');
  return runInvocations(firings(), { invocationType: 'async', ...options }, io, {}, { overTime: true });
}

function refuseSingleEventFlags(options: TimerScheduleOptions): void {
  if (options.realtime && options.handler === undefined && options.config === undefined && !hasTarget(options))
    throw usage('--realtime: fires a handler on the wall clock', 'add --handler index.handler (or --url for a deployed function)');
  if (options.time !== undefined) throw usage('--time: with --cron every firing sets triggerTime', 'use --from and --to (or --count) to choose the firings');
  for (const [flag, given] of [
    ['--set', options.set !== undefined],
    ['--random', options.random],
    ['--seed', options.seed !== undefined],
  ] as const) {
    if (given) throw usage(`${flag}: not available with --cron`, 'the schedule prints the events FC sends at each firing; drop --cron to print one event');
  }
}

/** The parsed expression; a mistake is shown under the expression, as FC would refuse it. */
function parsed(source: string, zone: string | undefined): TimerExpression {
  try {
    return parseTimerExpression(source, { zone });
  } catch (error) {
    if (!(error instanceof TimerExpressionError)) throw error;
    const underline =
      error.span === undefined ? '' : `\n  ${source}\n  ${' '.repeat(error.span.start)}${'^'.repeat(Math.max(1, error.span.end - error.span.start))}`;
    throw usage(`--cron: ${error.message}${underline}`, error.hint);
  }
}

const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);

/** An instant from the command line: ISO-8601 with Z or an offset, a date (midnight UTC), epoch milliseconds, or now. */
function instant(flag: string, value: string): Date {
  if (value === 'now') return new Date();
  const hint = 'e.g. 2025-03-07T09:30:00+08:00, 2025-03-07T01:30:00Z, 2025-03-07 (midnight UTC), epoch milliseconds or now';
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value))
    throw usage(`${flag} "${value}": add Z or an offset (+08:00); fc-sim never uses the machine's time zone`, hint);
  const date = /^\d+$/.test(value)
    ? new Date(Number(value))
    : /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/i.test(value)
      ? new Date(value)
      : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) throw usage(`${flag} "${value}": not a time`, hint);
  // Trigger times are written YYYY-MM-DDTHH:MM:SSZ: a firing after 9999 has no such form (and Date ends at 275760).
  if (date.getTime() < 0 || date.getTime() > LAST_INSTANT) throw usage(`${flag} "${value}": outside 1970-01-01 … 9999-12-31`, hint);
  return date;
}

/** --trigger-name must be a name FC accepts; checked on an event built from the flags. */
function checkTriggerFlags(trigger: { triggerName: string | undefined; payload: string | undefined }): void {
  const given = Object.fromEntries(Object.entries(trigger).filter(([, value]) => value !== undefined));
  const { issues } = validate('timer', buildTimerEvent(given));
  if (issues.length > 0)
    throw usage(
      `these values make an event FC would not send:\n${issues.map((issue) => `  ${formatIssue(issue).replace(/\n/g, '\n  ')}`).join('\n')}`,
      'change --trigger-name',
    );
}

/** `#`, the firing in UTC and in the expression's zone (weekday and offset shown), and the triggerTime FC sends. */
function table(scheduled: readonly ScheduledTimerEvent[], zone: string): string {
  const rows = [['#', 'UTC', zone, 'triggerTime']];
  scheduled.forEach(({ firing, event }, index) => {
    const utc = zonedTime(firing, 'UTC');
    const local = zonedTime(firing, zone);
    rows.push([String(index + 1), `${utc.weekday} ${utc.date} ${utc.time}`, `${local.weekday} ${local.date} ${local.time} ${local.offset}`, event.triggerTime]);
  });
  return formatTable(rows);
}
