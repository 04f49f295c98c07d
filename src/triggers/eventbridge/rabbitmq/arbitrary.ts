import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { opaqueText } from '../../../../generators/internal/text.js';
import { resourceName } from '../envelope-draws.js';
import type { RabbitMqEventParams } from './build.js';
import { matching } from '../../../../generators/internal/matching.js';

export const rabbitMqSourceDraws = (fixed: Partial<RabbitMqEventParams>): fc.Arbitrary<Partial<RabbitMqEventParams>> =>
  fc.record({
    instanceId: fixedOr(fixed.instanceId, matching(/^amqp-cn-[a-z0-9]{12}$/)),
    vhost: fixedOr(fixed.vhost, resourceName(24)),
    queue: fixedOr(fixed.queue, resourceName(32)),
    exchange: fixedOr(fixed.exchange, fc.oneof(fc.constant(''), resourceName(24))),
    functionName: fixedOr(fixed.functionName, resourceName(24)),
    triggerName: fixedOr(fixed.triggerName, resourceName(24)),
  });

/** One message: a body (JSON or text), its routing key, delivery tag and redelivery flag. */
export const rabbitMqMessageDraws = (fixed: Partial<RabbitMqEventParams>): fc.Arbitrary<Partial<RabbitMqEventParams>> =>
  fc.record({
    body: fixedOr(fixed.body, opaqueText()),
    routingKey: fixedOr(fixed.routingKey, resourceName(24)),
    deliveryTag: fixedOr(fixed.deliveryTag, fc.integer({ min: 1, max: 1_000_000 })),
    redeliver: fixedOr(fixed.redeliver, fc.boolean()),
    contentEncoding: fixedOr(fixed.contentEncoding, fc.option(fc.constant('UTF-8'), { nil: undefined })),
  });
