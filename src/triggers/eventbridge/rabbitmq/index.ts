import { stringIn } from '../../../io/json-values.js';
import { rabbitMqMessageDraws, rabbitMqSourceDraws } from './arbitrary.js';
import { sourceModule } from '../source-module.js';
import { rabbitmqSpec } from './basics.js';

/**
 * ApsaraMQ for RabbitMQ trigger (EventBridge source `RabbitMQ`): each message of the queue as `amqp:Queue:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rabbitmq = sourceModule(rabbitmqSpec, {
  sourceDraws: rabbitMqSourceDraws,
  messageDraws: rabbitMqMessageDraws,
  fromConfig({ parameters }, trigger) {
    const instanceId = stringIn(parameters.InstanceId);
    const vhost = stringIn(parameters.VirtualHostName);
    const queue = stringIn(parameters.QueueName);
    const region = stringIn(parameters.RegionId);
    return {
      params: {
        triggerName: trigger.name,
        ...(instanceId ? { instanceId } : {}),
        ...(vhost ? { vhost } : {}),
        ...(queue ? { queue } : {}),
        ...(region ? { region } : {}),
      },
      pinned: ['type', 'specversion', ...(instanceId || vhost || queue ? ['subject'] : []), ...(region ? ['aliyunregionid'] : [])],
    };
  },
  describe: (parameters) => `queue ${stringIn(parameters.QueueName) ?? '?'} vhost ${stringIn(parameters.VirtualHostName) ?? '?'}`,
});
