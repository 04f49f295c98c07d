import fc from 'fast-check';
import { arbitraryFor } from '../../../generators/internal/schema-arbitrary.js';
import type { Json } from '../../io/json-values.js';
import { stringIn } from '../../io/json-values.js';
import { parseTimerExpression } from '../../timer/expression.js';
import type { TimerEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { TimerEventConstraints } from './arbitrary.js';
import { timerEvent } from './arbitrary.js';
import { timerBasics } from './basics.js';
import type { TimerEventParams } from './build.js';

/** One expression of each form FC's timer takes: seconds first, a zone, names, `?`, steps, `@every`. */
const SAMPLE_EXPRESSIONS = ['0 0 4 * * *', 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI', '0 */5 * * * *', '0 0 0 1 JAN,JUL ?', '@every 90m'];

/**
 * {@link timerBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/timer-trigger-overview
 */
export const timer: TriggerModule<'timer', TimerEventParams, TimerEvent, TimerEventConstraints> = {
  ...timerBasics,
  arbitrary: (constraints) => timerEvent(constraints),
  kindArbitrary: (_kind, fixed) => timerEvent(fixed),
  project: {
    matching: (trigger) => ({
      // FC passes no payload as "" (what the FC console and local tools send).
      arbitrary: timerEvent({ cron: stringIn(trigger.config.cronExpression), payload: stringIn(trigger.config.payload) ?? '', triggerName: trigger.name }),
      delivery: 'event',
    }),
    // The schema draws any text for cronExpression, which FC mostly refuses: configs with expressions of each form FC takes.
    configs: () =>
      fc
        .tuple(arbitraryFor('timer-trigger-config'), fc.constantFrom(...SAMPLE_EXPRESSIONS))
        .map(([config, cronExpression]): Json => ({ ...config, cronExpression })),
    // A timer has no filter.
    rejected: () => undefined,
    delivers: () => true,
    describe: (config) => `${String(config.cronExpression)}${config.payload ? ` payload ${JSON.stringify(config.payload)}` : ''}`,
    lint(config) {
      if (typeof config.cronExpression !== 'string') return [];
      try {
        parseTimerExpression(config.cronExpression);
        return [];
      } catch (error) {
        return [
          {
            rule: 'cron-expression',
            message: `cronExpression "${config.cronExpression}": ${(error as Error).message}`,
            fix: (error as { hint?: string }).hint ?? 'six fields, seconds first, e.g. 0 0 4 * * *',
          },
        ];
      }
    },
  },
};
