import type { TimerEvent } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_TIME, toDate, utcSeconds, withDefaults } from '../_shared/common.js';

/**
 * What varies between timer events: when it fired, the trigger's name and its configured payload.
 *
 * @example
 * ```ts
 * const params: TimerEventParams = { time: '2025-03-10T04:00:00Z', triggerName: 'nightly', payload: '{"olderThanDays":7}' };
 * const event = buildTimerEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 */
export interface TimerEventParams {
  /** The firing time; FC sends it in whole seconds, UTC. */
  time: TimeInput;
  triggerName: string;
  /** The trigger's configured payload, passed verbatim (never parsed); "" when none is configured. */
  payload: string;
}

/**
 * The parameters of {@link buildTimerEvent}'s default event: FC's documented example (`timer-trigger`, `awesome-fc`).
 *
 * @example
 * ```ts
 * const event = buildTimerEvent({ ...timerEventDefaults, payload: '' });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 */
export const timerEventDefaults: TimerEventParams = { time: DEFAULT_TIME, triggerName: 'timer-trigger', payload: 'awesome-fc' };

/**
 * One timer trigger event: the firing time in whole UTC seconds, the trigger's name and its payload, verbatim.
 *
 * @example
 * ```ts
 * const event = buildTimerEvent({ time: '2025-03-10T04:00:00Z', triggerName: 'nightly', payload: '{"job":"cleanup"}' });
 * event.triggerTime; // '2025-03-10T04:00:00Z'
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildTimerEvent(overrides: Partial<TimerEventParams> = {}): TimerEvent {
  const p = withDefaults(timerEventDefaults, overrides);
  return { triggerTime: utcSeconds(toDate(p.time)), triggerName: p.triggerName, payload: p.payload };
}
