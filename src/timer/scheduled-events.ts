import type { TimerEventParams } from '../triggers/timer/build.js';
import { buildTimerEvent } from '../triggers/timer/build.js';
import type { TimerEvent } from '../types/generated.js';
import type { TimerExpression } from './expression.js';
import type { ScheduleWindow } from './schedule.js';
import { timerSchedule } from './schedule.js';

/**
 * One firing of a timer trigger and the event FC sends for it.
 *
 * @example
 * ```ts
 * const [first]: ScheduledTimerEvent[] = scheduledTimerEvents(parseTimerExpression('0 0 4 * * *'), { from: new Date(), count: 1 });
 * console.log(first?.firing, first?.event.triggerTime);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 * @see README.md#timer-schedules
 */
export interface ScheduledTimerEvent {
  firing: Date;
  /** `triggerTime` is the firing, in whole seconds UTC. */
  event: TimerEvent;
}

/**
 * The events a timer trigger sends over a window, one per firing, in order: what `fc-sim timer --cron` prints, and
 * what a simulation hands to a handler one by one in virtual time.
 *
 * @example
 * ```ts
 * const window = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };
 * const instance = createInstance('index.handler');
 * for (const { event } of scheduledTimerEvents(parseTimerExpression('0 0 4 * * *'), window, { triggerName: 'nightly', payload: '{}' })) {
 *   await instance.invoke(eventBytes(event));
 * }
 * await instance.dispose();
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 * @see README.md#timer-schedules
 */
export function scheduledTimerEvents(
  expression: TimerExpression,
  window: ScheduleWindow,
  trigger: Partial<Pick<TimerEventParams, 'triggerName' | 'payload'>> = {},
): ScheduledTimerEvent[] {
  // An undefined name or payload means the default, not "undefined".
  const given = Object.fromEntries(Object.entries(trigger).filter(([, value]) => value !== undefined));
  return timerSchedule(expression, window).map((firing) => ({ firing, event: buildTimerEvent({ ...given, time: firing }) }));
}
