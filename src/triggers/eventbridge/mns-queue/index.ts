import { stringIn } from '../../../io/json-values.js';
import { everywhere, sourceModule } from '../source-module.js';
import { mnsQueueMessageDraws, mnsQueueSourceDraws } from './arbitrary.js';
import { mnsQueueEventAt, mnsQueueEventDefaults } from './build.js';

/**
 * MNS queue trigger (EventBridge source `MNS`): each message of the queue as `mns:Queue:SendMessage`, its body
 * base64 unless the source decodes it (`IsBase64Decode: true`).
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export const mnsQueue = sourceModule({
  id: 'mns-queue',
  sourceType: 'MNS',
  modes: 'both',
  regionPointers: everywhere('/aliyunregionid', '/subject'),
  defaults: mnsQueueEventDefaults,
  kinds: [
    {
      name: 'mns:queue',
      fixed: {},
      description: 'a message of an MNS queue via EventBridge: messageBody base64 unless --base64-decode (IsBase64Decode: true); --batch N for event-streaming',
    },
  ],
  flags: [
    { flags: '--message <text>', description: 'the message as sent to the queue', param: 'message', pointers: everywhere('/data/messageBody') },
    { flags: '--queue <name>', description: 'queue name', param: 'queue', pointers: everywhere('/subject') },
    {
      flags: '--base64-decode',
      description: 'the source has IsBase64Decode: true, so messageBody is the text itself',
      param: 'base64Decode',
      pointers: everywhere('/data/messageBody'),
    },
  ],
  one: mnsQueueEventAt,
  sourceDraws: mnsQueueSourceDraws,
  messageDraws: mnsQueueMessageDraws,
  ownsEvent: (event) => event.type === 'mns:Queue:SendMessage',
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
