import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate } from '../../_shared/common.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults } from '../envelope.js';

/**
 * `data` of an MNS queue event (`mns:Queue:SendMessage`): the MNS request and message ids and the body.
 *
 * @example
 * ```ts
 * const data: MnsQueueData = (buildMnsQueueEvent() as MnsQueueEvent).data;
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export interface MnsQueueData {
  requestId: string;
  messageId: string;
  /** Base64 of the message unless the trigger's source has `IsBase64Decode: true`. */
  messageBody: string;
}

/**
 * An MNS queue trigger's CloudEvent.
 *
 * @example
 * ```ts
 * const event = buildMnsQueueEvent() as MnsQueueEvent;
 * const body = Buffer.from(event.data.messageBody, 'base64').toString();
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export type MnsQueueEvent = CloudEvent<'mns:Queue:SendMessage', MnsQueueData>;

/**
 * What varies between MNS queue events: the message, whether the source decodes it, the queue, the names its bus takes, and the envelope's region, account and time.
 *
 * @example
 * ```ts
 * const params: Partial<MnsQueueEventParams> = { queue: 'orders', message: 'order:42', base64Decode: true };
 * const event = buildMnsQueueEvent(params);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
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

/**
 * The parameters of {@link buildMnsQueueEvent}'s default event: `hello queue` from `test-queue`, base64-encoded, one event.
 *
 * @example
 * ```ts
 * const batch = buildMnsQueueEvent({ ...mnsQueueEventDefaults, batch: 3 });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
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
  const messageId =
    p.messageId !== undefined && index === 0 ? p.messageId : derivedHex(32, 'mns-queue-message', p.queue, p.message, sent, index, p.messageId).toUpperCase();
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
 *
 * @example
 * ```ts
 * const event = buildMnsQueueEvent({ queue: 'orders', message: '{"id":1}', base64Decode: true });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/mns-queue-triggers
 */
export function buildMnsQueueEvent(params: Partial<MnsQueueEventParams> = {}): OneOrBatch<MnsQueueEvent> {
  const p = { ...mnsQueueEventDefaults, ...params };
  return batchOf(p.batch, (index) => mnsQueueEventAt(p, index));
}
