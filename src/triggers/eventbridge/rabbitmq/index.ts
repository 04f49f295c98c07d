import { stringIn } from '../../../io/json-values.js';
import { everywhere, sourceModule } from '../source-module.js';
import { rabbitMqMessageDraws, rabbitMqSourceDraws } from './arbitrary.js';
import { rabbitMqEventAt, rabbitMqEventDefaults } from './build.js';

/**
 * ApsaraMQ for RabbitMQ trigger (EventBridge source `RabbitMQ`): each message of the queue as `amqp:Queue:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rabbitmq = sourceModule({
  id: 'rabbitmq',
  sourceType: 'RabbitMQ',
  modes: 'both',
  regionPointers: everywhere('/aliyunregionid', '/subject'),
  defaults: rabbitMqEventDefaults,
  kinds: [
    {
      name: 'rabbitmq',
      fixed: {},
      description:
        'a message of an ApsaraMQ for RabbitMQ queue via EventBridge (amqp:Queue:SendMessage; a JSON body arrives parsed); --batch N for event-streaming',
    },
  ],
  flags: [
    { flags: '--queue <name>', description: 'queue name', param: 'queue', pointers: everywhere('/subject') },
    { flags: '--vhost <name>', description: 'virtual host', param: 'vhost', pointers: everywhere('/subject') },
    { flags: '--body <text>', description: 'message body (JSON arrives parsed)', param: 'body', pointers: everywhere('/data/body') },
    { flags: '--routing-key <key>', description: 'routing key', param: 'routingKey', pointers: everywhere('/data/envelope') },
    { flags: '--exchange <name>', description: 'exchange ("" for the default exchange)', param: 'exchange', pointers: everywhere('/data/envelope') },
  ],
  one: rabbitMqEventAt,
  sourceDraws: rabbitMqSourceDraws,
  messageDraws: rabbitMqMessageDraws,
  ownsEvent: (event) => event.type === 'amqp:Queue:SendMessage',
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
