import { sourceAccount, sourceTopic } from '../../project/source-arn.js';
import type { TriggerModule } from '../types.js';
import type { MnsEventConstraints } from './arbitrary.js';
import { mnsEvent } from './arbitrary.js';
import { mnsBasics } from './basics.js';
import type { MnsEventParams, MnsTopicEvent } from './build.js';

/**
 * {@link mnsBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 */
export const mns: TriggerModule<'mns', MnsEventParams, MnsTopicEvent, MnsEventConstraints> = {
  ...mnsBasics,
  arbitrary: (constraints) => mnsEvent(constraints),
  kindArbitrary: (kind, fixed) => mnsEvent({ ...(kind.fixed.format ? { formats: [kind.fixed.format] } : {}), ...fixed }),
  project: {
    // filterTag: MNS pushes only messages published with that tag, and the event does not carry the tag, so every
    // drawn message stands for a tagged one and nothing marks it; an untagged message never becomes an event.
    matching: (trigger) => ({
      arbitrary: mnsEvent({
        // STREAM is FC's default.
        formats: [trigger.config.notifyContentFormat === 'JSON' ? 'JSON' : 'STREAM'],
        topic: sourceTopic(trigger),
        accountId: sourceAccount(trigger).accountId,
      }),
      delivery: 'event',
    }),
    // The filterTag drops untagged messages before they become events, so no event shows it.
    rejected: () => undefined,
    delivers: () => true,
    describe: (config) => `${String(config.notifyContentFormat ?? 'STREAM')}${config.filterTag ? ` tag ${String(config.filterTag)}` : ''}`,
  },
};
