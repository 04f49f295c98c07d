import { rabbitMqEventAt, rabbitMqEventDefaults } from './build.js';
import type { RabbitMqEventParams, RabbitMqEvent } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/**
 * ApsaraMQ for RabbitMQ trigger (EventBridge source `RabbitMQ`): each message of the queue as `amqp:Queue:SendMessage`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rabbitmqSpec: SourceSpec<'rabbitmq', RabbitMqEventParams, RabbitMqEvent> = {
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
  ownsEvent: (event) => event.type === 'amqp:Queue:SendMessage',
};

export const rabbitmqBasics = sourceBasics(rabbitmqSpec);
