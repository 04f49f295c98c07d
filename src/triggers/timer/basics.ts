import type { TimerEvent } from '../../types/generated.js';
import type { TriggerBasics } from '../types.js';
import type { TimerEventParams } from './build.js';
import { buildTimerEvent, timerEventDefaults } from './build.js';
import { timerFlags, timerScheduleOptions } from './flags.js';

/**
 * Timer: `{triggerTime, triggerName, payload}` at each firing of an FC cron expression.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 */
export const timerBasics: TriggerBasics<'timer', TimerEventParams, TimerEvent> = {
  id: 'timer',
  apiType: 'timer',
  spellings: { fun: 'Timer' },
  schemas: { events: ['timer'], config: 'timer-trigger-config' },
  delivery: 'event',
  defaults: timerEventDefaults,
  build: (params) => buildTimerEvent(params),
  kinds: [{ name: 'timer', fixed: {}, description: 'a timer trigger firing (triggerTime in whole seconds, UTC)' }],
  flags: timerFlags,
  commandOptions: timerScheduleOptions,
  schemaOf: () => 'timer',
  detect: (value) => ('triggerTime' in value ? { schema: 'timer', because: 'it has triggerTime' } : undefined),
};
