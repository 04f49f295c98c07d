import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import type { TimerEventParams } from './build.js';
import { buildTimerEvent } from './build.js';
import type { TimerExpression } from '../../timer/expression.js';
import { parseTimerExpression } from '../../timer/expression.js';
import { timerSchedule } from '../../timer/schedule.js';
import type { TimerEvent } from '../../types/generated.js';
import { definedOnly, fixedOr } from '../../../generators/internal/params.js';
import { arbitraryAt } from '../../../generators/internal/schema-arbitrary.js';
import { opaqueText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';

/**
 * Fix any builder parameter (`{ triggerName: 'nightly' }`), or draw triggerTime from a schedule.
 *
 * @example
 * ```ts
 * const constraints: TimerEventConstraints = { cron: '0 0 3 * * *', triggerName: 'nightly', payload: '{"olderThanDays": 7}' };
 * await checkHandler({ handler: 'index.handler', trigger: 'timer', constraints });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 * @see README.md#property-based-contract-tests
 */
export interface TimerEventConstraints extends Partial<TimerEventParams> {
  /**
   * An FC timer expression (`0 0 4 * * *`, `CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI`, `@every 5m`): triggerTime is
   * then a firing of it. Throws a TimerExpressionError when FC would refuse the expression.
   */
  cron?: string;
}

/** The first instant after 2000–2099, the years every FC time format assumes. */
const END_OF_2099 = Date.UTC(2100, 0, 1);
/** Longer than the longest gap between two firings (29 February: eight years around 2100). */
const TEN_YEARS_MS = 10 * 365.25 * 86_400_000;

/**
 * A firing of the expression: the first at or after a drawn instant, or, when that is after 2099, the first after
 * ten years earlier; so triggerTime stays in 2000–2099 and shrinks towards the first firing of 2000. An `@every`
 * schedule counts from that instant.
 */
function firing(expression: TimerExpression): fc.Arbitrary<Date> {
  const first =
    expression.kind === 'cron' ? rememberedFirings(expression) : (from: number) => timerSchedule(expression, { from: new Date(from), count: 1 })[0]!;
  return instant('second').map((start) => {
    const next = first(start.getTime());
    return next.getTime() < END_OF_2099 ? next : first(start.getTime() - TEN_YEARS_MS);
  });
}

/** How many answers {@link rememberedFirings} keeps: enough for a run's draws, a bounded scan for each. */
const REMEMBERED_FIRINGS = 512;

/**
 * The first firing at or after an instant, for a cron expression, remembering each answer with the earliest instant
 * it was asked for: no firing lies between an instant and its answer, so every instant in between has the same one.
 * cron-parser searches day by day, ~20 ms for `0 0 0 29 2 ?`; drawn instants of a rare schedule mostly fall into
 * intervals already searched.
 */
function rememberedFirings(expression: TimerExpression): (from: number) => Date {
  const earliestAsked = new Map<number, number>();
  return (from) => {
    for (const [at, asked] of earliestAsked) if (asked <= from && from <= at) return new Date(at);
    const found = timerSchedule(expression, { from: new Date(from), count: 1 })[0]!;
    if (earliestAsked.size >= REMEMBERED_FIRINGS) earliestAsked.clear();
    earliestAsked.set(found.getTime(), Math.min(from, earliestAsked.get(found.getTime()) ?? from));
    return found;
  };
}

/** The configured payload, passed verbatim: none (""), text, a JSON document as a string, or multi-byte text. */
function payload(): fc.Arbitrary<string> {
  return opaqueText();
}

/**
 * Timer trigger events: a whole-second UTC triggerTime, a triggerName the FC API accepts, a payload string.
 *
 * @example
 * ```ts
 * const jobs = fc.tuple(timerEvent({ cron: 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI' }), fc.constantFrom('report', 'cleanup'))
 *   .map(([event, job]) => ({ ...event, payload: JSON.stringify({ job }) }));
 * await checkHandler({ handler: 'index.handler', arbitrary: jobs });
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 * @see README.md#property-based-contract-tests
 */
export function timerEvent(constraints: TimerEventConstraints = {}): fc.Arbitrary<TimerEvent> {
  const { cron, ...rest } = constraints;
  const fixed = definedOnly(rest);
  if (cron !== undefined && fixed.time !== undefined) throw new FcSimError('E_INVALID_PARAMS', 'cron and time both set triggerTime: give one of them');
  return fc
    .record({
      time: fixedOr(fixed.time, cron === undefined ? instant('second') : firing(parseTimerExpression(cron))),
      triggerName: fixedOr(fixed.triggerName, arbitraryAt('timer', '/triggerName') as fc.Arbitrary<string>),
      payload: fixedOr(fixed.payload, payload()),
    })
    .map(buildTimerEvent);
}
