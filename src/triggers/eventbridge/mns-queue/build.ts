import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate } from '../../_shared/common.js';
import { batchOf, buildCloudEvent, envelopeDefaults, type CloudEvent, type Delivered, type EnvelopeParams } from '../envelope.js';

/** `data` of an MNS queue event (`mns:Queue:SendMessage`). */
export interface MnsQueueData {
  requestId: string;
  messageId: string;
  /** Base64 of the message unless the trigger's source has `IsBase64Decode: true`. */
  messageBody: string;
}

export type MnsQueueEvent = CloudEvent<'mns:Queue:SendMessage', MnsQueueData>;

export interface MnsQueueEventParams extends EnvelopeParams {
  /** The message as it was sent to the queue. */
  message: string;
  /** The source's `IsBase64Decode`: true delivers the message as text, false (FC's default) base64-encoded. */
  base64Decode: boolean;
  queue: string;
  /** The source and bus FC creates are named `MNS-<function>-<trigger>`. */
  functionName: string;
  triggerName: string;
  /** Default: derived from the message, queue and time. */
  messageId?: string;
}

export const mnsQueueEventDefaults: MnsQueueEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  message: 'hello queue',
  base64Decode: false,
  queue: 'test-queue',
  functionName: 'function',
  triggerName: 'mns-queue-trigger',
};

/** The event of one message; in a batch, `index` gives each its own ids. */
export function mnsQueueEventAt(p: MnsQueueEventParams, index: number): MnsQueueEvent {
  const sent = toDate(p.time).getTime();
  const messageId = p.messageId !== undefined && index === 0 ? p.messageId : derivedHex(32, 'mns-queue-message', p.queue, p.message, sent, index, p.messageId).toUpperCase();
  const source = `MNS-${p.functionName}-${p.triggerName}`;
  return buildCloudEvent(
    p,
    { id: messageId, source, type: 'mns:Queue:SendMessage', subject: `acs:mns:${p.region}:${p.accountId}:queues/${p.queue}`, extensions: 'bus' },
    {
      requestId: derivedHex(24, 'mns-queue-request', messageId).toUpperCase(),
      messageId,
      messageBody: p.base64Decode ? p.message : Buffer.from(p.message).toString('base64'),
    },
  );
}

/**
 * An MNS queue trigger's event: one CloudEvent (event-driven), or `batch` of them (event-streaming).
 * @example buildMnsQueueEvent({ queue: 'orders', message: '{"id":1}', base64Decode: true })
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export function buildMnsQueueEvent(params: Partial<MnsQueueEventParams> = {}): Delivered<MnsQueueEvent> {
  const p = { ...mnsQueueEventDefaults, ...params };
  return batchOf(p.batch, (index) => mnsQueueEventAt(p, index));
}
