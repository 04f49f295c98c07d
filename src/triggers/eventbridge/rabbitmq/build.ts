import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedUuid } from '../../_shared/common.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults } from '../envelope.js';

/**
 * `data` of a RabbitMQ event (`amqp:Queue:SendMessage`): the AMQP envelope, the properties set, and the body (parsed when it is JSON).
 *
 * @example
 * ```ts
 * const data: RabbitMqData = (buildRabbitMqEvent() as RabbitMqEvent).data;
 * const tag = data.envelope.deliveryTag;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface RabbitMqData {
  envelope: { deliveryTag: number; exchange: string; redeliver: boolean; routingKey: string };
  props: { contentEncoding?: string; messageId: string };
  /** The parsed JSON value when the body is JSON (FC doc sample), else the text (awesome-fc sample). */
  body: unknown;
}

/**
 * A RabbitMQ trigger's CloudEvent.
 *
 * @example
 * ```ts
 * const event = buildRabbitMqEvent({ body: '{"Hello":"RabbitMQ"}' }) as RabbitMqEvent;
 * const body = event.data.body;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type RabbitMqEvent = CloudEvent<'amqp:Queue:SendMessage', RabbitMqData>;

/**
 * What varies between RabbitMQ events: instance, virtual host and queue, the message (body, exchange, routing key, delivery tag, redelivery), and the envelope's region, account and time.
 *
 * @example
 * ```ts
 * const params: Partial<RabbitMqEventParams> = { queue: 'orders', body: 'plain text' };
 * const event = buildRabbitMqEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface RabbitMqEventParams extends EnvelopeParams {
  instanceId: string;
  vhost: string;
  queue: string;
  /** The message body as published: delivered parsed when it is JSON, as text otherwise. */
  body: string;
  exchange: string;
  routingKey: string;
  deliveryTag: number;
  redeliver: boolean;
  /** props.contentEncoding, when the publisher set one. */
  contentEncoding?: string;
  functionName: string;
  triggerName: string;
}

/**
 * The parameters of {@link buildRabbitMqEvent}'s default event: the FC doc's `{"Hello":"RabbitMQ"}` on queue `housekeeping`, one event.
 *
 * @example
 * ```ts
 * const batch = buildRabbitMqEvent({ ...rabbitMqEventDefaults, batch: 2 });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rabbitMqEventDefaults: RabbitMqEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  instanceId: 'amqp-cn-tl32e7560001',
  vhost: 'eb-connect',
  queue: 'housekeeping',
  body: '{"Hello":"RabbitMQ"}',
  exchange: '',
  routingKey: 'housekeeping',
  deliveryTag: 98,
  redeliver: false,
  contentEncoding: 'UTF-8',
  functionName: 'function',
  triggerName: 'rabbitmq-trigger',
};

function bodyOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function rabbitMqEventAt(p: RabbitMqEventParams, index: number): RabbitMqEvent {
  const messageId = derivedUuid('rabbitmq-message', p.instanceId, p.queue, p.deliveryTag + index, p.body, p.time);
  return buildCloudEvent(
    p,
    {
      id: messageId,
      source: `RabbitMQ-${p.functionName}-${p.triggerName}`,
      type: 'amqp:Queue:SendMessage',
      subject: `acs:amqp:${p.region}:${p.accountId}:/instances/${p.instanceId}/vhosts/${p.vhost}/queues/${p.queue}`,
      extensions: 'bus',
    },
    {
      envelope: { deliveryTag: p.deliveryTag + index, exchange: p.exchange, redeliver: p.redeliver, routingKey: p.routingKey },
      props: { ...(p.contentEncoding === undefined ? {} : { contentEncoding: p.contentEncoding }), messageId },
      body: bodyOf(p.body),
    },
  );
}

/**
 * A RabbitMQ trigger's event: one CloudEvent (event-driven), or `batch` of them (event-streaming) with consecutive delivery tags.
 *
 * @example
 * ```ts
 * const event = buildRabbitMqEvent({ queue: 'orders', body: '{"id":1}' });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildRabbitMqEvent(params: Partial<RabbitMqEventParams> = {}): OneOrBatch<RabbitMqEvent> {
  const p = { ...rabbitMqEventDefaults, ...params };
  return batchOf(p.batch, (index) => rabbitMqEventAt(p, index));
}
