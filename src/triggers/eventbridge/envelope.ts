import { FcSimError } from '../../errors.js';
import type { TimeInput } from '../_shared/common.js';
import { derivedHex, derivedUuid, toDate } from '../_shared/common.js';
import { BATCH_LIMITS } from './config.js';

/**
 * The CloudEvents 1.0 envelope every EventBridge-based trigger delivers (events.md §9): the core attributes, the
 * `aliyun*` extension attributes of events that pass through an event bus, and the source's `data`. Event-driven
 * triggers deliver one envelope per invocation; event-streaming triggers a JSON array of up to the batch window's
 * count.
 *
 * @example
 * ```ts
 * const event: CloudEvent = buildEventBridgeBusEvent({ kind: 'custom', source: 'my.app', type: 'my.app:Order:Paid', data: { id: 7 } }) as CloudEvent;
 * console.log(event.source, event.type, event.aliyuneventbusname);
 * ```
 * @see https://www.alibabacloud.com/help/doc-detail/70140.htm
 */
export interface CloudEvent<Type extends string = string, Data = unknown> {
  id: string;
  source: string;
  specversion: '1.0';
  type: Type;
  datacontenttype: string;
  subject: string;
  /** RFC 3339 UTC with milliseconds. */
  time: string;
  aliyunaccountid?: string;
  aliyunpublishtime?: string;
  aliyunoriginalaccountid?: string;
  aliyuneventbusname?: string;
  aliyunregionid?: string;
  aliyunpublishaddr?: string;
  data: Data;
}

/**
 * One envelope (event-driven) or a batch of them (event-streaming): what an EventBridge trigger hands the function.
 *
 * @example
 * ```ts
 * const delivered: OneOrBatch<KafkaEvent> = buildKafkaEvent({ batch: 3 });
 * const records = Array.isArray(delivered) ? delivered : [delivered];
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type OneOrBatch<E> = E | E[];

/**
 * Which extension attributes a source's events carry: `bus` (MNS, RocketMQ, RabbitMQ and custom events: the account,
 * publish time and address, original account, bus name and region), `service` (an Alibaba Cloud service's own events,
 * OSS: the same without a publisher's address, as the DataWorks sample shows), `account` (Kafka: `aliyunaccountid`
 * only), `none` (the DTS doc sample has none).
 */
export type Extensions = 'bus' | 'service' | 'account' | 'none';

/**
 * What every source's envelope is built from: region, account, time, the datacontenttype spelling, the publisher's
 * address, and the batch size (none: one event).
 *
 * @example
 * ```ts
 * const envelope: Partial<EnvelopeParams> = { region: 'cn-shanghai', time: '2025-03-10T06:45:43.123Z', batch: 2 };
 * const events = buildMnsQueueEvent(envelope);
 * ```
 * @see https://www.alibabacloud.com/help/doc-detail/70140.htm
 */
export interface EnvelopeParams {
  region: string;
  accountId: string;
  time: TimeInput;
  /** The datacontenttype spelling: `application/json; charset=utf-8` and `application/json;charset=utf-8` both occur. */
  contentType: string;
  /** aliyunpublishaddr: the publisher's IP address as EventBridge saw it. */
  publishAddress: string;
  /** Event-streaming: a JSON array of this many events; absent: one event (event-driven). */
  batch?: number;
}

export const CONTENT_TYPES = ['application/json; charset=utf-8', 'application/json;charset=utf-8'] as const;

export const envelopeDefaults = { contentType: CONTENT_TYPES[0], publishAddress: '42.120.75.131' } as const;

/** The attributes of one envelope that its source sets. */
export interface EnvelopeFields<Type extends string> {
  id: string;
  source: string;
  type: Type;
  subject: string;
  extensions: Extensions;
  /** aliyuneventbusname: the bus FC created for the trigger is named like the source (the default); system events pass the `default` bus. */
  busName?: string;
}

/** `2021-04-08T06:28:17.093Z`: the envelope's time format (RFC 3339 UTC, milliseconds). */
export function eventTime(time: TimeInput, plusMs = 0): string {
  return new Date(toDate(time).getTime() + plusMs).toISOString();
}

/** One CloudEvent; aliyunpublishtime follows `time` by a few milliseconds derived from the id, as EventBridge receives it after the source. */
export function buildCloudEvent<Type extends string, Data>(params: EnvelopeParams, fields: EnvelopeFields<Type>, data: Data): CloudEvent<Type, Data> {
  const core = {
    id: fields.id,
    source: fields.source,
    specversion: '1.0' as const,
    type: fields.type,
    datacontenttype: params.contentType,
    subject: fields.subject,
    time: eventTime(params.time),
  };
  if (fields.extensions === 'none') return { ...core, data };
  if (fields.extensions === 'account') return { ...core, aliyunaccountid: params.accountId, data };
  return {
    ...core,
    aliyunaccountid: params.accountId,
    aliyunpublishtime: eventTime(params.time, 1 + (parseInt(derivedHex(4, fields.id), 16) % 900)),
    aliyunoriginalaccountid: params.accountId,
    aliyuneventbusname: fields.busName ?? fields.source,
    aliyunregionid: params.region,
    ...(fields.extensions === 'bus' ? { aliyunpublishaddr: params.publishAddress } : {}),
    data,
  };
}

/** The batch size a builder was given: absent (one event), or a whole number within FC's batch window limit. */
export function checkedBatch(batch: number | undefined): number | undefined {
  if (batch === undefined) return undefined;
  if (!Number.isInteger(batch) || batch < BATCH_LIMITS.count.min || batch > BATCH_LIMITS.count.max) {
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `batch ${batch}: FC pushes ${BATCH_LIMITS.count.min}–${BATCH_LIMITS.count.max} events per invocation`,
      'use a whole number in that range, or none for one event (event-driven)',
    );
  }
  return batch;
}

/** One event, or a batch whose events each come from their index (distinct ids, offsets, times). */
export function batchOf<E>(batch: number | undefined, one: (index: number) => E): OneOrBatch<E> {
  const size = checkedBatch(batch);
  return size === undefined ? one(0) : Array.from({ length: size }, (_, index) => one(index));
}

/** A UUID event id for the event at `index` of a batch, derived from what makes the event (stable for the same input). */
export const eventId = (...inputs: readonly unknown[]) => derivedUuid('eventbridge-id', ...inputs);
