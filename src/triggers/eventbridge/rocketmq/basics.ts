import { singlePairs } from '../../_shared/flags.js';
import { rocketMqEventAt, rocketMqEventDefaults } from './build.js';
import type { RocketMqEventParams, RocketMqEvent } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/**
 * ApsaraMQ for RocketMQ trigger (EventBridge source `RocketMQ`): each message of the topic as `mq:Topic:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rocketmqSpec: SourceSpec<'rocketmq', RocketMqEventParams, RocketMqEvent> = {
  id: 'rocketmq',
  sourceType: 'RocketMQ',
  modes: 'both',
  regionPointers: everywhere('/aliyunregionid', '/subject'),
  defaults: rocketMqEventDefaults,
  kinds: [
    {
      name: 'rocketmq',
      fixed: {},
      description: 'a message of an ApsaraMQ for RocketMQ topic via EventBridge (mq:Topic:SendMessage); --batch N for event-streaming',
    },
  ],
  flags: [
    { flags: '--topic <name>', description: 'topic name', param: 'topic', pointers: everywhere('/data/topic', '/subject') },
    { flags: '--body <text>', description: 'message body', param: 'body', pointers: everywhere('/data/body') },
    { flags: '--tags <tag>', description: 'message tag (systemProperties.TAGS)', param: 'tags', pointers: everywhere('/data/systemProperties') },
    { flags: '--keys <keys>', description: 'message keys (systemProperties.KEYS)', param: 'keys', pointers: everywhere('/data/systemProperties') },
    { flags: '--instance <id>', description: 'instance id, MQ_INST_…', param: 'instanceId', pointers: everywhere('/data/systemProperties', '/subject') },
    {
      flags: '--user-property <name=value>',
      description: 'user property; repeatable',
      param: 'userProperties',
      parse: singlePairs('--user-property'),
      pointers: everywhere('/data/userProperties'),
    },
  ],
  one: rocketMqEventAt,
  ownsEvent: (event) => event.type === 'mq:Topic:SendMessage',
};

export const rocketmqBasics = sourceBasics(rocketmqSpec);
