import { objectIn } from '../../io/json-values.js';
import { nameIn, sourceAccount, sourceProject } from '../../project/source-arn.js';
import type { SlsEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { SlsEventConstraints } from './arbitrary.js';
import { slsEvent } from './arbitrary.js';
import { slsBasics } from './basics.js';
import type { SlsEventParams } from './build.js';

/**
 * {@link slsBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 */
export const sls: TriggerModule<'sls', SlsEventParams, SlsEvent, SlsEventConstraints> = {
  ...slsBasics,
  arbitrary: (constraints) => slsEvent(constraints),
  kindArbitrary: (_kind, fixed) => slsEvent(fixed),
  project: {
    matching: (trigger) => ({
      arbitrary: slsEvent({
        region: sourceAccount(trigger).region,
        project: sourceProject(trigger),
        logstore: nameIn(objectIn(trigger.config.sourceConfig).logstore),
        // The event's parameter is the job's functionParameter, {} when none.
        parameter: objectIn(trigger.config.functionParameter),
      }),
      delivery: 'event',
    }),
    // An SLS trigger has no filter.
    rejected: () => undefined,
    delivers: () => true,
    describe: (config) => `${String(objectIn(config.logConfig).project ?? '')}/${String(objectIn(config.sourceConfig).logstore ?? '')}`,
  },
};
