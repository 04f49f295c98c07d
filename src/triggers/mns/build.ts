import { FcSimError } from '../../errors.js';
import type { MnsTopicJsonEvent, MnsTopicStreamEvent } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_TIME, derivedHex, md5Hex, toDate, withDefaults } from '../_shared/common.js';

/**
 * The trigger's notifyContentFormat: a JSON object per message, or the message body itself.
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 */
export type MnsFormat = 'JSON' | 'STREAM';

/**
 * What an MNS topic trigger delivers: a JSON object (JSON format), `{body, attrs}` (STREAM with message attributes)
 * or, for STREAM without attributes, the raw message body, which is not JSON: the string itself.
 *
 * @example
 * ```ts
 * const event: MnsTopicEvent = buildMnsEvent({ format: 'STREAM', message: 'hello' });
 * const body = typeof event === 'string' ? event : 'Message' in event ? event.Message : event.body;
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type MnsTopicEvent = MnsTopicJsonEvent | MnsTopicStreamEvent | string;

/**
 * What varies between MNS topic events: the format, the message and its attributes, the topic and subscription.
 *
 * @example
 * ```ts
 * const params: Partial<MnsEventParams> = { format: 'JSON', message: '{"orderId":42}', attributes: { tenant: 't1' } };
 * const event = buildMnsEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 */
export interface MnsEventParams {
  format: MnsFormat;
  /** The message body as published (FC does not base64 it). */
  message: string;
  /** Message attributes: merged into the JSON event at the top level; `attrs` of a STREAM event. */
  attributes?: Record<string, string>;
  topic: string;
  /** The topic owner and subscriber account id. */
  accountId: string;
  subscriptionName: string;
  time: TimeInput;
  /** Default: derived from the message and time. */
  messageId?: string;
}

/**
 * The parameters of {@link buildMnsEvent}'s default event: `hello topic` published to `test-topic`, JSON format.
 *
 * @example
 * ```ts
 * const event = buildMnsEvent({ ...mnsEventDefaults, format: 'STREAM' });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 */
export const mnsEventDefaults: MnsEventParams = {
  format: 'JSON',
  message: 'hello topic',
  topic: 'test-topic',
  accountId: DEFAULT_ACCOUNT_ID,
  subscriptionName: 'test-5bf13c7e',
  time: DEFAULT_TIME,
};

const JSON_FIELDS = ['TopicOwner', 'Message', 'Subscriber', 'PublishTime', 'SubscriptionName', 'MessageMD5', 'TopicName', 'MessageId'];

/**
 * One MNS topic event; MessageMD5 is the MD5 of Message, as MNS computes it.
 *
 * @example
 * ```ts
 * const event = buildMnsEvent({ message: 'hello', attributes: { tenant: 't1' } });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildMnsEvent(overrides: Partial<MnsEventParams> = {}): MnsTopicEvent {
  const p = withDefaults(mnsEventDefaults, overrides);
  const attributes = p.attributes ?? {};
  const hasAttributes = Object.keys(attributes).length > 0;
  if (p.format === 'STREAM') return hasAttributes ? { body: p.message, attrs: attributes } : p.message;
  const clash = Object.keys(attributes).find((name) => JSON_FIELDS.includes(name));
  if (clash)
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `message attribute "${clash}" would overwrite the MNS field of that name in a JSON-format event`,
      'rename the attribute, or use the STREAM format',
    );
  const publishTime = toDate(p.time).getTime();
  return {
    TopicOwner: p.accountId,
    Message: p.message,
    Subscriber: p.accountId,
    PublishTime: publishTime,
    SubscriptionName: p.subscriptionName,
    MessageMD5: md5Hex(p.message).toUpperCase(),
    TopicName: p.topic,
    MessageId: p.messageId ?? derivedHex(32, 'mns-message', p.topic, p.message, publishTime).toUpperCase(),
    ...attributes,
  };
}
