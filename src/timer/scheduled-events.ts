import { buildTimerEvent, type TimerEventParams } from '../triggers/timer/build.js';
import type { TimerEvent } from '../types/generated.js';
import type { TimerExpression } from './expression.js';
import { timerSchedule, type ScheduleWindow } from './schedule.js';

/** One firing of a timer trigger and the event FC sends for it. */
export interface ScheduledTimerEvent {
  firing: Date;
  /** `triggerTime` is the firing, in whole seconds UTC. */
  event: TimerEvent;
}

/**
 * The events a timer trigger sends over a window, one per firing, in order: what `fc-sim timer --cron` prints, and
 * what a simulation hands to a handler one by one in virtual time.
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
