import type { CronExpression } from 'cron-parser';
import { CronExpressionParser } from 'cron-parser';
import { FcSimError } from '../errors.js';
import type { CronField } from './cron-field.js';
import type { CronTimerExpression, TimerExpression } from './expression.js';
import { zonedTime } from './zoned-time.js';

/**
 * When a timer fires, in virtual time: cron-parser does the calendar work, always in the expression's zone (never
 * the machine's).
 *
 * Daylight saving: FC warns that clock changes may repeat or skip runs without saying which. fc-sim follows
 * cron-parser and the IANA rules: a wall-clock time that does not exist (02:30 in Europe/Berlin when clocks go
 * forward) fires at the same time after the jump (03:30 CEST); a time that happens twice when clocks go back fires
 * once, at its first occurrence (02:30 CEST), while hourly and finer schedules fire in both repeated hours.
 *
 * `@every`: FC does not say what the interval counts from; fc-sim counts from the start of the schedule (the moment
 * the trigger is created or enabled, as the Go scheduler FC's syntax comes from does): the first firing is one
 * interval after `from`, in whole seconds.
 *
 * @example
 * ```ts
 * const february: ScheduleWindow = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };
 * const firings = timerSchedule(parseTimerExpression('0 0 4 * * *'), february); // 28 firings
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see README.md#timer-schedules
 */
export interface ScheduleWindow {
  /** Firings at or after this instant; for `@every`, the moment the interval counts from. */
  from: Date;
  /** Firings before this instant. */
  to?: Date;
  /** At most this many firings. */
  count?: number;
}

/**
 * The firings in a window, in order: up to `to` (exclusive), at most `count`; one of the two is required.
 *
 * @example
 * ```ts
 * const next5 = timerSchedule(parseTimerExpression('CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI'), { from: new Date(), count: 5 });
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see README.md#timer-schedules
 */
export function timerSchedule(expression: TimerExpression, window: ScheduleWindow): Date[] {
  if (window.to === undefined && window.count === undefined) throw new FcSimError('E_INVALID_PARAMS', 'a schedule needs an end: to, count or both');
  const firings: Date[] = [];
  if (window.count === 0) return firings;
  for (const firing of firingsFrom(expression, window.from)) {
    if (window.to !== undefined && firing >= window.to) break;
    firings.push(firing);
    if (firings.length === window.count) break;
  }
  return firings;
}

/**
 * Every firing at or after `from` (after it, for `@every`), without end.
 *
 * @example
 * ```ts
 * for (const firing of firingsFrom(parseTimerExpression('@every 5m'), new Date('2025-01-01T00:00:00Z'))) {
 *   if (firing.getUTCHours() >= 1) break;
 *   console.log(firing.toISOString());
 * }
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see README.md#timer-schedules
 */
export function* firingsFrom(expression: TimerExpression, from: Date): Generator<Date, never> {
  if (expression.kind === 'every') {
    // The Go scheduler drops the sub-second part of the start: firings stay on whole seconds.
    let at = Math.floor(from.getTime() / 1000) * 1000;
    for (;;) {
      at += expression.intervalSeconds * 1000;
      yield new Date(at);
    }
  }
  const start = Math.ceil(from.getTime() / 1000) * 1000;
  const iterator = cronParser(expression, searchStart(expression.zone, start));
  for (;;) {
    const firing = iterator.next().toDate();
    if (firing.getTime() >= start) yield firing;
  }
}

/** Longer than a clock change and the hour it repeats, twice over (Antarctica/Troll moves by two hours). */
const CLOCK_CHANGE_MARGIN_MS = 6 * 3600_000;

/**
 * Where cron-parser's search begins for firings at or after `start`. cron-parser returns firings strictly after
 * its start, so one second before `start` (firings are whole seconds) includes a firing at `start` itself. But it
 * moves a firing that falls in a spring-forward gap to just after the gap, and runs a repeated time once, only when
 * its search starts before the clock change: near a change, begin well before it, so that the firings do not depend
 * on where a window starts.
 */
function searchStart(zone: string, start: number): Date {
  const before = start - CLOCK_CHANGE_MARGIN_MS;
  const changesClock = zonedTime(new Date(before), zone).offset !== zonedTime(new Date(start), zone).offset;
  return new Date(changesClock ? before : start - 1000);
}

function cronParser(expression: CronTimerExpression, currentDate: Date): CronExpression {
  return CronExpressionParser.parse(cronParserText(expression), { currentDate, tz: expression.zone });
}

/**
 * The fields as cron-parser reads them: the values fc-sim resolved, so that names, FC's day numbering and steps
 * mean what FC means. Day-of-week goes from FC's 1 = MON … 7 = SUN to cron-parser's 0 = SUN; a wildcard stays `*`
 * so that cron-parser applies the other day field alone.
 */
function cronParserText({ fields }: CronTimerExpression): string {
  const list = (field: CronField, convert: (value: number) => number = (value) => value) => (field.wildcard ? '*' : field.values.map(convert).join(','));
  return [
    list(fields.second),
    list(fields.minute),
    list(fields.hour),
    list(fields.dayOfMonth),
    list(fields.month),
    list(fields.dayOfWeek, (day) => day % 7),
  ].join(' ');
}
