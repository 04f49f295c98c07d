import { FcSimError } from '../../../errors.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, toDate } from '../../_shared/common.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults, eventId } from '../envelope.js';

/**
 * `data` of a Kafka event (`alikafka:Topic:Message`): topic, partition, offset, timestamp (ms), headers, key and value.
 *
 * @example
 * ```ts
 * const [record] = buildKafkaEvent() as KafkaEvent[];
 * const data: KafkaData = record!.data;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface KafkaData {
  topic: string;
  partition: number;
  offset: number;
  /** The record's timestamp, epoch ms. */
  timestamp: number;
  headers: { headers: unknown[]; isReadOnly: boolean };
  key?: string;
  /** Per the source's value data format: the text, the parsed JSON value, or base64 of the bytes. */
  value: unknown;
}

/**
 * A Kafka trigger's CloudEvent (FC delivers them in arrays).
 *
 * @example
 * ```ts
 * const records = buildKafkaEvent({ batch: 2 }) as KafkaEvent[];
 * const offsets = records.map((record) => record.data.offset);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type KafkaEvent = CloudEvent<'alikafka:Topic:Message', KafkaData>;

/**
 * How a Kafka record's value reaches the function: `text` (ValueDataType Text), `json` (Json: parsed), `base64` (Binary).
 *
 * @example
 * ```ts
 * const format: KafkaValueFormat = 'json';
 * const records = buildKafkaEvent({ value: '{"a":1}', valueFormat: format });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type KafkaValueFormat = 'text' | 'json' | 'base64';

/**
 * What varies between Kafka events: instance and topic, the record (partition, offset, key, value) and its value format, the batch size, and the envelope's account and time.
 *
 * @example
 * ```ts
 * const params: Partial<KafkaEventParams> = { topic: 'clicks', value: '{"n":1}', valueFormat: 'json', batch: 5 };
 * const records = buildKafkaEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface KafkaEventParams extends EnvelopeParams {
  /** `alikafka_post-cn-…` / `alikafka_pre-cn-…`. */
  instanceId: string;
  topic: string;
  partition: number;
  /** The offset of the first record; a batch's records follow it. */
  offset: number;
  /** Record key; absent when the record has none. */
  key?: string;
  /** The record's value as text (UTF-8). */
  value: string;
  valueFormat: KafkaValueFormat;
}

/**
 * The parameters of {@link buildKafkaEvent}'s default event: one record `hello kafka msg` on `testTopic`, as text.
 *
 * @example
 * ```ts
 * const records = buildKafkaEvent({ ...kafkaEventDefaults, batch: 10 });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const kafkaEventDefaults: KafkaEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  instanceId: 'alikafka_post-cn-pe337q5qz00c',
  topic: 'testTopic',
  partition: 0,
  offset: 25,
  key: 'keytest',
  value: 'hello kafka msg',
  valueFormat: 'text',
  // Kafka triggers are event-streaming only: even one record arrives in an array.
  batch: 1,
};

function deliveredValue(value: string, format: KafkaValueFormat): unknown {
  if (format === 'text') return value;
  if (format === 'base64') return Buffer.from(value).toString('base64');
  try {
    return JSON.parse(value);
  } catch {
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `a Kafka value in the JSON data format must be JSON, got ${JSON.stringify(value)}`,
      'give a JSON value, or use the text or base64 format',
    );
  }
}

export function kafkaEventAt(p: KafkaEventParams, index: number): KafkaEvent {
  const offset = p.offset + index;
  const timestamp = toDate(p.time).getTime() + index;
  return buildCloudEvent(
    { ...p, time: timestamp },
    {
      id: eventId('kafka', p.instanceId, p.topic, p.partition, offset),
      source: 'acs:alikafka',
      type: 'alikafka:Topic:Message',
      subject: `acs:alikafka:${p.instanceId}:topic:${p.topic}`,
      extensions: 'account',
    },
    {
      topic: p.topic,
      partition: p.partition,
      offset,
      timestamp,
      headers: { headers: [], isReadOnly: false },
      ...(p.key === undefined ? {} : { key: p.key }),
      value: deliveredValue(p.value, p.valueFormat),
    },
  );
}

/**
 * A Kafka trigger's event: a JSON array (event-streaming, the only mode FC has for Kafka) of `batch` records with
 * consecutive offsets; `data.value` as text, parsed JSON or base64, per the source's value data format.
 *
 * @example
 * ```ts
 * const event = buildKafkaEvent({ topic: 'orders', value: '{"id":1}', valueFormat: 'json', batch: 3 });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildKafkaEvent(params: Partial<KafkaEventParams> = {}): OneOrBatch<KafkaEvent> {
  const p = { ...kafkaEventDefaults, ...params };
  return batchOf(p.batch, (index) => kafkaEventAt(p, index));
}
