import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate } from '../../_shared/common.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults, eventId } from '../envelope.js';

/**
 * `data` of a RocketMQ event (`mq:Topic:SendMessage`): topic, system properties (offsets as decimal strings, CONSUME_START_TIME a number, as the Go SDK and FC doc show), user properties and body.
 *
 * @example
 * ```ts
 * const data: RocketMqData = (buildRocketMqEvent() as RocketMqEvent).data;
 * const tags = data.systemProperties.TAGS;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface RocketMqData {
  topic: string;
  systemProperties: {
    MIN_OFFSET: string;
    TRACE_ON: string;
    MAX_OFFSET: string;
    MSG_REGION: string;
    KEYS: string;
    CONSUME_START_TIME: number;
    TAGS: string;
    INSTANCE_ID: string;
    UNIQ_KEY: string;
  };
  userProperties: Record<string, string>;
  body: string;
}

/**
 * A RocketMQ trigger's CloudEvent.
 *
 * @example
 * ```ts
 * const event = buildRocketMqEvent({ body: 'hi' }) as RocketMqEvent;
 * const body = event.data.body;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type RocketMqEvent = CloudEvent<'mq:Topic:SendMessage', RocketMqData>;

/**
 * What varies between RocketMQ events: the topic and instance, the message (body, tag, keys, user properties, offset), the names the bus takes, and the envelope's region, account and time.
 *
 * @example
 * ```ts
 * const params: Partial<RocketMqEventParams> = { topic: 'orders', tags: 'paid', body: '{"id":1}' };
 * const event = buildRocketMqEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface RocketMqEventParams extends EnvelopeParams {
  topic: string;
  /** `MQ_INST_<uid>_<suffix>`. */
  instanceId: string;
  body: string;
  tags: string;
  keys: string;
  userProperties: Record<string, string>;
  /** The queue offset of the message (MAX_OFFSET is one past it). */
  offset: number;
  functionName: string;
  triggerName: string;
}

/**
 * The parameters of {@link buildRocketMqEvent}'s default event: `hello rocketmq` on `TopicName`, one event.
 *
 * @example
 * ```ts
 * const batch = buildRocketMqEvent({ ...rocketMqEventDefaults, batch: 2 });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const rocketMqEventDefaults: RocketMqEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  topic: 'TopicName',
  instanceId: `MQ_INST_${DEFAULT_ACCOUNT_ID}_BXhFHryi`,
  body: 'hello rocketmq',
  tags: 'TagA',
  keys: 'order-1001',
  userProperties: {},
  offset: 7,
  functionName: 'function',
  triggerName: 'rocketmq-trigger',
};

export function rocketMqEventAt(p: RocketMqEventParams, index: number): RocketMqEvent {
  const offset = p.offset + index;
  const sent = toDate(p.time).getTime();
  const source = `RocketMQ-${p.functionName}-${p.triggerName}`;
  return buildCloudEvent(
    p,
    {
      id: eventId('rocketmq', p.instanceId, p.topic, offset, sent, p.body),
      source,
      type: 'mq:Topic:SendMessage',
      subject: `acs:mq:${p.region}:${p.accountId}:${p.instanceId}%${p.topic}`,
      extensions: 'bus',
    },
    {
      topic: p.topic,
      systemProperties: {
        MIN_OFFSET: '0',
        TRACE_ON: 'true',
        MAX_OFFSET: String(offset + 1),
        MSG_REGION: p.region,
        KEYS: p.keys,
        // Consumption starts after the message is stored: a little after its time.
        CONSUME_START_TIME: sent + 20 + index,
        TAGS: p.tags,
        INSTANCE_ID: p.instanceId,
        UNIQ_KEY: derivedHex(32, 'rocketmq-uniq', p.instanceId, p.topic, offset, sent).toUpperCase(),
      },
      userProperties: p.userProperties,
      body: p.body,
    },
  );
}

/**
 * A RocketMQ trigger's event: one CloudEvent (event-driven), or `batch` of them (event-streaming) with consecutive offsets.
 *
 * @example
 * ```ts
 * const event = buildRocketMqEvent({ topic: 'orders', tags: 'paid', body: '{"id":1}' });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildRocketMqEvent(params: Partial<RocketMqEventParams> = {}): OneOrBatch<RocketMqEvent> {
  const p = { ...rocketMqEventDefaults, ...params };
  return batchOf(p.batch, (index) => rocketMqEventAt(p, index));
}
