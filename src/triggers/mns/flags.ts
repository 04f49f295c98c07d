import { accountIdFlag, singlePairs, timeFlag } from '../_shared/flags.js';
import type { FlagSpec } from '../types.js';
import type { MnsEventParams } from './build.js';

export const mnsFlags: readonly FlagSpec<MnsEventParams>[] = [
  { flags: '--message <text>', description: 'the message body', param: 'message', pointers: ['/Message', '/body'] },
  { flags: '--topic <name>', description: 'topic name', param: 'topic', pointers: ['/TopicName'] },
  { flags: '--attr <name=value>', description: 'message attribute; repeatable', param: 'attributes', parse: singlePairs('--attr'), pointers: ['/attrs'] },
  { flags: '--subscription <name>', description: 'subscription name', param: 'subscriptionName', pointers: ['/SubscriptionName'] },
  accountIdFlag,
  timeFlag,
];
