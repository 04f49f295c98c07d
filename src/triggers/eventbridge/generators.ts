import type fc from 'fast-check';
import { eventbridge } from './bus/index.js';
import type { EventBridgeBusEvent, EventBridgeBusEventParams } from './bus/build.js';
import { dts } from './dts/index.js';
import type { DtsEvent, DtsEventParams } from './dts/build.js';
import type { OneOrBatch } from './envelope.js';
import { kafka } from './kafka/index.js';
import type { KafkaEvent, KafkaEventParams } from './kafka/build.js';
import { mnsQueue } from './mns-queue/index.js';
import type { MnsQueueEvent, MnsQueueEventParams } from './mns-queue/build.js';
import { rabbitmq } from './rabbitmq/index.js';
import type { RabbitMqEvent, RabbitMqEventParams } from './rabbitmq/build.js';
import { rocketmq } from './rocketmq/index.js';
import type { RocketMqEvent, RocketMqEventParams } from './rocketmq/build.js';
import type { SourceConstraints } from './source-module.js';

/**
 * MNS queue events through EventBridge: one CloudEvent, or a batch of them from one queue (event-streaming), bodies
 * base64 or decoded as drawn; any builder parameter can be fixed (`{ queue: 'orders', base64Decode: true }`).
 *
 * @example
 * ```ts
 * test('orders are decoded', () => fc.assert(fc.property(mnsQueueEvent({ base64Decode: true, batch: 3 }), (events) => Array.isArray(events))));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export function mnsQueueEvent(constraints?: SourceConstraints<MnsQueueEventParams>): fc.Arbitrary<OneOrBatch<MnsQueueEvent>> {
  return mnsQueue.arbitrary(constraints);
}

/**
 * RocketMQ topic events through EventBridge: one CloudEvent, or a batch from one topic with consecutive offsets.
 *
 * @example
 * ```ts
 * const events = fc.sample(rocketMqEvent({ topic: 'orders', maxBatch: 5 }), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function rocketMqEvent(constraints?: SourceConstraints<RocketMqEventParams>): fc.Arbitrary<OneOrBatch<RocketMqEvent>> {
  return rocketmq.arbitrary(constraints);
}

/**
 * RabbitMQ queue events through EventBridge: one CloudEvent, or a batch with consecutive delivery tags; JSON bodies
 * arrive parsed.
 *
 * @example
 * ```ts
 * const events = fc.sample(rabbitMqEvent({ queue: 'housekeeping' }), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function rabbitMqEvent(constraints?: SourceConstraints<RabbitMqEventParams>): fc.Arbitrary<OneOrBatch<RabbitMqEvent>> {
  return rabbitmq.arbitrary(constraints);
}

/**
 * Kafka records through EventBridge: always a JSON array (event-streaming), values as text, JSON or base64.
 *
 * @example
 * ```ts
 * const batches = fc.sample(kafkaEvent({ topic: 'clicks', valueFormat: 'json', maxBatch: 5 }), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function kafkaEvent(constraints?: SourceConstraints<KafkaEventParams>): fc.Arbitrary<OneOrBatch<KafkaEvent>> {
  return kafka.arbitrary(constraints);
}

/**
 * DTS change records through EventBridge: always a JSON array of row changes (INSERT, UPDATE, DELETE) of one table.
 *
 * @example
 * ```ts
 * const batches = fc.sample(dtsEvent({ table: 'orders', operation: 'UPDATE' }), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function dtsEvent(constraints?: SourceConstraints<DtsEventParams>): fc.Arbitrary<OneOrBatch<DtsEvent>> {
  return dts.arbitrary(constraints);
}

/**
 * Events of the default EventBridge bus: OSS object events (a native OSS record as data) and custom events.
 *
 * @example
 * ```ts
 * const uploads = fc.sample(eventBridgeBusEvent({ kind: 'oss', eventName: 'ObjectCreated:PutObject' }), 10);
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export function eventBridgeBusEvent(constraints?: SourceConstraints<EventBridgeBusEventParams>): fc.Arbitrary<OneOrBatch<EventBridgeBusEvent>> {
  return eventbridge.arbitrary(constraints);
}
