import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME } from '../../_shared/common.js';
import type { OssEventName, OssEventParams } from '../../oss/build.js';
import { buildOssEvent } from '../../oss/build.js';
import type { OssEventRecord } from '../../../types/generated.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults, eventId } from '../envelope.js';

/**
 * An OSS object event routed through EventBridge: `data` is one native OSS record, without the notification rule's ruleId.
 *
 * @example
 * ```ts
 * const event = buildEventBridgeBusEvent({ kind: 'oss', key: 'a.csv' }) as EventBridgeOssEvent;
 * const key = event.data.oss.object.key;
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export type EventBridgeOssEvent = CloudEvent<`oss:${OssEventName}`, Omit<OssEventRecord, 'oss'> & { oss: Omit<OssEventRecord['oss'], 'ruleId'> }>;
/**
 * A custom event put on an EventBridge bus (PutEvents): source, type and data are the publisher's.
 *
 * @example
 * ```ts
 * const event = buildEventBridgeBusEvent({ kind: 'custom', data: { id: 1 } }) as EventBridgeCustomEvent;
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export type EventBridgeCustomEvent = CloudEvent<string, unknown>;
/**
 * An event of the default EventBridge bus: an OSS object event or a custom event.
 *
 * @example
 * ```ts
 * const event = buildEventBridgeBusEvent() as EventBridgeBusEvent;
 * const isOss = event.source === 'acs.oss';
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export type EventBridgeBusEvent = EventBridgeOssEvent | EventBridgeCustomEvent;

/**
 * What varies between default-bus events: OSS (event name, bucket, key, size, or a whole record) or custom (source, type, subject, data), and the envelope's region, account and time.
 *
 * @example
 * ```ts
 * const params: Partial<EventBridgeBusEventParams> = { kind: 'custom', source: 'my.app', type: 'my.app:Order:Paid', data: { id: 7 } };
 * const event = buildEventBridgeBusEvent(params);
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export interface EventBridgeBusEventParams extends EnvelopeParams, Pick<OssEventParams, 'eventName' | 'bucket' | 'key' | 'size'> {
  /** An OSS object event (`acs.oss`), or a custom event. */
  kind: 'oss' | 'custom';
  /** OSS: the record as drawn or given (default: built from eventName, bucket, key, size). */
  record?: OssEventRecord;
  /** Custom: the event's source, type, subject and data. */
  source: string;
  type: string;
  subject?: string;
  data: unknown;
}

/**
 * The parameters of {@link buildEventBridgeBusEvent}'s default event: a PutObject of `input/report.csv` in `test-bucket`.
 *
 * @example
 * ```ts
 * const event = buildEventBridgeBusEvent({ ...eventBridgeBusEventDefaults, eventName: 'ObjectRemoved:DeleteObject' });
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export const eventBridgeBusEventDefaults: EventBridgeBusEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  kind: 'oss',
  eventName: 'ObjectCreated:PutObject',
  bucket: 'test-bucket',
  key: 'input/report.csv',
  size: 59537,
  source: 'custom.orders',
  type: 'orders:Order:Created',
  data: { orderId: '1001', amount: 42 },
};

function ossRecord(p: EventBridgeBusEventParams): Omit<OssEventRecord, 'oss'> & { oss: Omit<OssEventRecord['oss'], 'ruleId'> } {
  const record =
    p.record ??
    buildOssEvent({ eventName: p.eventName, bucket: p.bucket, key: p.key, size: p.size, region: p.region, accountId: p.accountId, time: p.time, fcVersion: 2 })
      .events[0];
  const { ruleId: _rule, ...oss } = record.oss;
  return { ...record, oss };
}

export function eventBridgeBusEventAt(p: EventBridgeBusEventParams, index: number): EventBridgeBusEvent {
  if (p.kind === 'oss') {
    const record = ossRecord(p);
    const account = record.oss.bucket.arn.split(':')[3] ?? p.accountId;
    return buildCloudEvent(
      // The record says where and when: the envelope follows it.
      { ...p, region: record.region, accountId: account, time: record.eventTime },
      {
        id: eventId('eventbridge-oss', record, index),
        source: 'acs.oss',
        type: `oss:${record.eventName}`,
        subject: `acs:oss:${record.region}:${account}:${record.oss.bucket.name}/${record.oss.object.key}`,
        extensions: 'service',
        busName: 'default',
      },
      record,
    );
  }
  return buildCloudEvent(
    p,
    {
      id: eventId('eventbridge-custom', p.source, p.type, p.data, p.time, index),
      source: p.source,
      type: p.type,
      subject: p.subject ?? `acs:eventbridge:${p.region}:${p.accountId}:eventbus/default/eventsource/${p.source}`,
      extensions: 'bus',
      busName: 'default',
    },
    p.data,
  );
}

/**
 * An event of an EventBridge trigger on the default bus (source type `Default`): an OSS object event routed through
 * EventBridge, or a custom event.
 *
 * @example
 * ```ts
 * const event = buildEventBridgeBusEvent({ kind: 'custom', source: 'my.app', type: 'my.app:Order:Paid', data: { id: 1 } });
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/oss-events
 */
export function buildEventBridgeBusEvent(params: Partial<EventBridgeBusEventParams> = {}): OneOrBatch<EventBridgeBusEvent> {
  const p = { ...eventBridgeBusEventDefaults, ...params };
  return batchOf(p.batch, (index) => eventBridgeBusEventAt(p, index));
}
