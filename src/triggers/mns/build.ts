import { FcSimError } from '../../errors.js';
import type { MnsTopicJsonEvent, MnsTopicStreamEvent } from '../../types/generated.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_TIME, derivedHex, md5Hex, toDate, withDefaults, type TimeInput } from '../_shared/common.js';

/** The trigger's notifyContentFormat. */
export type MnsFormat = 'JSON' | 'STREAM';

/**
 * What an MNS topic trigger delivers: a JSON object (JSON format), `{body, attrs}` (STREAM with message attributes)
 * or, for STREAM without attributes, the raw message body, which is not JSON: the string itself.
 */
export type MnsTopicEvent = MnsTopicJsonEvent | MnsTopicStreamEvent | string;

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

export const mnsEventDefaults: MnsEventParams = {
  format: 'JSON',
  message: 'hello topic',
  topic: 'test-topic',
  accountId: DEFAULT_ACCOUNT_ID,
  subscriptionName: 'test-5bf13c7e',
  time: DEFAULT_TIME,
};

const JSON_FIELDS = ['TopicOwner', 'Message', 'Subscriber', 'PublishTime', 'SubscriptionName', 'MessageMD5', 'TopicName', 'MessageId'];

/** One MNS topic event; MessageMD5 is the MD5 of Message, as MNS computes it. */
export function buildMnsEvent(overrides: Partial<MnsEventParams> = {}): MnsTopicEvent {
  const p = withDefaults(mnsEventDefaults, overrides);
  const attributes = p.attributes ?? {};
  const hasAttributes = Object.keys(attributes).length > 0;
  if (p.format === 'STREAM') return hasAttributes ? { body: p.message, attrs: attributes } : p.message;
  const clash = Object.keys(attributes).find((name) => JSON_FIELDS.includes(name));
  if (clash) throw new FcSimError('E_INVALID_PARAMS', `message attribute "${clash}" would overwrite the MNS field of that name in a JSON-format event`, 'rename the attribute, or use the STREAM format');
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
