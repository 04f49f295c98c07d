import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate } from '../../_shared/common.js';
import { batchOf, buildCloudEvent, envelopeDefaults, eventId, type CloudEvent, type Delivered, type EnvelopeParams } from '../envelope.js';

/** `data` of a RocketMQ event (`mq:Topic:SendMessage`): offsets are decimal strings, CONSUME_START_TIME a number (Go SDK, FC doc). */
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

export type RocketMqEvent = CloudEvent<'mq:Topic:SendMessage', RocketMqData>;

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
    { id: eventId('rocketmq', p.instanceId, p.topic, offset, sent, p.body), source, type: 'mq:Topic:SendMessage', subject: `acs:mq:${p.region}:${p.accountId}:${p.instanceId}%${p.topic}`, extensions: 'bus' },
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
 * @example buildRocketMqEvent({ topic: 'orders', tags: 'paid', body: '{"id":1}' })
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/rocketmq-trigger
 */
export function buildRocketMqEvent(params: Partial<RocketMqEventParams> = {}): Delivered<RocketMqEvent> {
  const p = { ...rocketMqEventDefaults, ...params };
  return batchOf(p.batch, (index) => rocketMqEventAt(p, index));
}
