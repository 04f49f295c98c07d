import type { OssEvent, OssEventRecord } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, md5Hex, toDate, utcSecondsWithMillis, withDefaults } from '../_shared/common.js';

/**
 * The `eventName` of an OSS event, without the `oss:` prefix a trigger config writes (`ObjectCreated:PutObject`).
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export type OssEventName = OssEventRecord['eventName'];

/**
 * What varies between OSS events; everything else in the event follows from these.
 *
 * @example
 * ```ts
 * const params: Partial<OssEventParams> = { eventName: 'ObjectRemoved:DeleteObject', bucket: 'photos', key: 'uploads/a.png', size: 0 };
 * const event = buildOssEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export interface OssEventParams {
  eventName: OssEventName;
  bucket: string;
  /** The object key exactly as it should appear in the event (FC does not document URL-encoding; both forms occur). */
  key: string;
  /** Object size in bytes after the operation (for a removal: the size of the removed object). */
  size: number;
  /** Bytes added (negative when removed or shrunk). Default: +size when created, -size when removed, 0 when modified. */
  deltaSize?: number;
  region: string;
  /** The bucket owner's account id: in the bucket ARN and ownerIdentity. */
  accountId: string;
  /** The requester's account id (userIdentity.principalId). Default: the owner. */
  principalId?: string;
  time: TimeInput;
  /** Default: derived from bucket, key and size, so the same object has the same ETag. */
  eTag?: string;
  sourceIp: string;
  /** OSS request id (24 upper-case hex). Default: derived from the event. */
  requestId?: string;
  /** The trigger's notification rule id (40 hex in FC examples). Default: derived from bucket and region. */
  ruleId?: string;
  /** objectMeta.mimeType; omitted with userMeta to leave out objectMeta, as older events do. */
  mimeType?: string;
  /** objectMeta.userMeta, keys `x-oss-meta-*`. */
  userMeta?: Record<string, string>;
  /** AppendObject only: the offset the append started at. Default: size - deltaSize. */
  position?: number;
  /**
   * FC 2.0-era events (and the Serverless Devs templates) carry `virtualBucket: ""`; the FC 3.0 docs' event has no
   * such field. Default 3.
   */
  fcVersion?: 2 | 3;
}

/**
 * The parameters of {@link buildOssEvent}'s default event: a PNG uploaded to `my-bucket` in cn-hangzhou.
 *
 * @example
 * ```ts
 * const event = buildOssEvent({ key: `${ossEventDefaults.key}.bak` });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export const ossEventDefaults: OssEventParams = {
  eventName: 'ObjectCreated:PutObject',
  bucket: 'my-bucket',
  key: 'source/example.png',
  size: 122539,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  sourceIp: '140.205.128.21',
  mimeType: 'image/png',
};

function defaultDeltaSize(eventName: OssEventName, size: number): number {
  // 0 - size, not -size: a removed empty object changes by 0, not -0.
  if (eventName.startsWith('ObjectRemoved:') || eventName === 'ObjectReplication:ObjectRemoved') return 0 - size;
  if (eventName.startsWith('ObjectModified:') || eventName === 'ObjectReplication:ObjectModified') return 0;
  return size;
}

/**
 * One OSS trigger event, coherent as OSS sends it: the ARN names the event's region, account and bucket.
 *
 * @example
 * ```ts
 * const event = buildOssEvent({ bucket: 'photos', key: 'uploads/a.png' });
 * event.events[0].oss.bucket.arn; // 'acs:oss:cn-hangzhou:…:photos'
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildOssEvent(overrides: Partial<OssEventParams> = {}): OssEvent {
  return ossEventFrom(withDefaults(ossEventDefaults, overrides));
}

/**
 * {@link buildOssEvent} from every parameter, as the generator draws them: no copy of the defaults per event (a
 * copy of fifteen keys cost ~5% of drawing an event).
 */
export function ossEventFrom(p: OssEventParams): OssEvent {
  const time = toDate(p.time);
  const deltaSize = p.deltaSize ?? defaultDeltaSize(p.eventName, p.size);
  // Optional fields set after the literal, in the order the literal would spread them: no throwaway objects per event.
  let objectMeta: NonNullable<OssEventRecord['oss']['object']['objectMeta']> | undefined;
  if (p.mimeType !== undefined || p.userMeta !== undefined) {
    objectMeta = {};
    if (p.mimeType !== undefined) objectMeta.mimeType = p.mimeType;
    if (p.userMeta !== undefined) objectMeta.userMeta = p.userMeta;
  }
  const bucket: OssEventRecord['oss']['bucket'] = { arn: `acs:oss:${p.region}:${p.accountId}:${p.bucket}`, name: p.bucket, ownerIdentity: p.accountId };
  if (p.fcVersion === 2) bucket.virtualBucket = '';
  const object: OssEventRecord['oss']['object'] = {
    deltaSize,
    eTag: p.eTag ?? md5Hex(`${p.bucket}/${p.key}#${p.size}`).toUpperCase(),
    key: p.key,
    size: p.size,
  };
  if (objectMeta) object.objectMeta = objectMeta;
  if (p.eventName === 'ObjectCreated:AppendObject') object.position = p.position ?? Math.max(0, p.size - deltaSize);
  const record: OssEventRecord = {
    eventName: p.eventName,
    eventSource: 'acs:oss',
    eventTime: utcSecondsWithMillis(time),
    eventVersion: '1.0',
    oss: {
      bucket,
      object,
      ossSchemaVersion: '1.0',
      ruleId: p.ruleId ?? derivedHex(40, 'oss-rule', p.region, p.bucket),
    },
    region: p.region,
    requestParameters: { sourceIPAddress: p.sourceIp },
    responseElements: { requestId: p.requestId ?? derivedHex(24, 'oss-request', p.eventName, p.key, time.getTime()).toUpperCase() },
    userIdentity: { principalId: p.principalId ?? p.accountId },
  };
  return { events: [record] };
}
