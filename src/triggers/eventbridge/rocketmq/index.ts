import { stringIn } from '../../../io/json-values.js';
import { singlePairs } from '../../_shared/flags.js';
import { everywhere, sourceModule } from '../source-module.js';
import { rocketMqMessageDraws, rocketMqSourceDraws } from './arbitrary.js';
import { rocketMqEventAt, rocketMqEventDefaults } from './build.js';

/** The tags a source's tag expression (`TagA||TagB`, `*`) lets through; undefined for every tag. */
const tagsOf = (expression: string | undefined) =>
  expression === undefined || expression.trim() === '*' || expression.trim() === '' ? undefined : expression.split('||').map((tag) => tag.trim());

/**
 * ApsaraMQ for RocketMQ trigger (EventBridge source `RocketMQ`): each message of the topic as `mq:Topic:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rocketmq = sourceModule({
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
  sourceDraws: rocketMqSourceDraws,
  messageDraws: rocketMqMessageDraws,
  ownsEvent: (event) => event.type === 'mq:Topic:SendMessage',
  fromConfig({ parameters }, trigger) {
    const topic = stringIn(parameters.Topic);
    const instanceId = stringIn(parameters.InstanceId);
    const region = stringIn(parameters.RegionId);
    const tags = tagsOf(stringIn(parameters.Tag));
    return {
      // A Tag expression lets only its tags through: the messages drawn carry the first one it names.
      params: {
        triggerName: trigger.name,
        ...(topic ? { topic } : {}),
        ...(instanceId ? { instanceId } : {}),
        ...(region ? { region } : {}),
        ...(tags ? { tags: tags[0] } : {}),
      },
      pinned: [
        'type',
        'specversion',
        ...(topic ? ['data.topic', 'subject'] : []),
        ...(instanceId ? ['data.systemProperties.INSTANCE_ID', 'subject'] : []),
        ...(region ? ['aliyunregionid', 'data.systemProperties.MSG_REGION'] : []),
        ...(tags ? ['data.systemProperties.TAGS'] : []),
      ],
    };
  },
  describe: (parameters) => `topic ${stringIn(parameters.Topic) ?? '?'}${stringIn(parameters.Tag) ? ` tags ${stringIn(parameters.Tag)}` : ''}`,
});
