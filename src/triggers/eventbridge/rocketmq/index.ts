import { stringIn } from '../../../io/json-values.js';
import { rocketMqMessageDraws, rocketMqSourceDraws } from './arbitrary.js';
import { sourceModule } from '../source-module.js';
import { rocketmqSpec } from './basics.js';

/** The tags a source's tag expression (`TagA||TagB`, `*`) lets through; undefined for every tag. */
const tagsOf = (expression: string | undefined) =>
  expression === undefined || expression.trim() === '*' || expression.trim() === '' ? undefined : expression.split('||').map((tag) => tag.trim());

/**
 * ApsaraMQ for RocketMQ trigger (EventBridge source `RocketMQ`): each message of the topic as `mq:Topic:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rocketmq = sourceModule(rocketmqSpec, {
  sourceDraws: rocketMqSourceDraws,
  messageDraws: rocketMqMessageDraws,
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
