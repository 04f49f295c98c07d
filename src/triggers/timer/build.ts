import type { TimerEvent } from '../../types/generated.js';
import { DEFAULT_TIME, toDate, utcSeconds, withDefaults, type TimeInput } from '../_shared/common.js';

export interface TimerEventParams {
  /** The firing time; FC sends it in whole seconds, UTC. */
  time: TimeInput;
  triggerName: string;
  /** The trigger's configured payload, passed verbatim (never parsed); "" when none is configured. */
  payload: string;
}

export const timerEventDefaults: TimerEventParams = { time: DEFAULT_TIME, triggerName: 'timer-trigger', payload: 'awesome-fc' };

export function buildTimerEvent(overrides: Partial<TimerEventParams> = {}): TimerEvent {
  const p = withDefaults(timerEventDefaults, overrides);
  return { triggerTime: utcSeconds(toDate(p.time)), triggerName: p.triggerName, payload: p.payload };
}
