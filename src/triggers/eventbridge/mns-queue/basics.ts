import { mnsQueueEventAt, mnsQueueEventDefaults } from './build.js';
import type { MnsQueueEventParams, MnsQueueEvent } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/**
 * MNS queue trigger (EventBridge source `MNS`): each message of the queue as `mns:Queue:SendMessage`, its body
 * base64 unless the source decodes it (`IsBase64Decode: true`).
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export const mnsQueueSpec: SourceSpec<'mns-queue', MnsQueueEventParams, MnsQueueEvent> = {
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
  ownsEvent: (event) => event.type === 'mns:Queue:SendMessage',
};

export const mnsQueueBasics = sourceBasics(mnsQueueSpec);
