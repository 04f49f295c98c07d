import { stringIn } from '../../../io/json-values.js';
import { mnsQueueMessageDraws, mnsQueueSourceDraws } from './arbitrary.js';
import { sourceModule } from '../source-module.js';
import { mnsQueueSpec } from './basics.js';

/**
 * MNS queue trigger (EventBridge source `MNS`): each message of the queue as `mns:Queue:SendMessage`, its body
 * base64 unless the source decodes it (`IsBase64Decode: true`).
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export const mnsQueue = sourceModule(mnsQueueSpec, {
  sourceDraws: mnsQueueSourceDraws,
  messageDraws: mnsQueueMessageDraws,
  fromConfig({ parameters }, trigger) {
    const queue = stringIn(parameters.QueueName);
    const region = stringIn(parameters.RegionId);
    return {
      params: { triggerName: trigger.name, base64Decode: parameters.IsBase64Decode === true, ...(queue ? { queue } : {}), ...(region ? { region } : {}) },
      pinned: ['type', 'specversion', ...(queue ? ['subject'] : []), ...(region ? ['aliyunregionid'] : [])],
    };
  },
  describe: (parameters) => `queue ${stringIn(parameters.QueueName) ?? '?'}${parameters.IsBase64Decode === true ? ', decoded' : ', base64'}`,
});
