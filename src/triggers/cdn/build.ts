import type { CdnEvent, CdnEventRecord } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { chinaTime, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, derivedUuid, toDate, withDefaults } from '../_shared/common.js';

/**
 * The `eventName` of a CDN event (`CachedObjectsRefreshed`, `LogFileCreated`, `CdnDomainStarted`, …).
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 */
export type CdnEventName = CdnEventRecord['eventName'];

/**
 * What varies between CDN events: the event name, the domain, when CDN emitted it, and the fields of that event's
 * `eventParameter`.
 *
 * @example
 * ```ts
 * const params: Partial<CdnEventParams> = { eventName: 'CachedObjectsPushed', domain: 'cdn.example.com', objectPaths: ['/index.html'] };
 * const event = buildCdnEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 */
export interface CdnEventParams {
  eventName: CdnEventName;
  domain: string;
  /** When CDN emitted the event; CDN writes it in China Standard Time (+08:00). */
  time: TimeInput;
  accountId: string;
  /** CDN is global; every example says cn-hangzhou. */
  region: string;
  /** Refresh/push/block: the paths (files) or path prefixes (directories) of the task on the domain, as in the FC docs' example. */
  objectPaths?: string[];
  objectType?: 'File' | 'Directory';
  /** Refresh/push/block task id. Default: derived. */
  taskId?: number;
  /** LogFileCreated: size of the log file in bytes. */
  fileSize?: number;
  /** CdnDomainStarted/Stopped. Default: online when started, offline when stopped (the docs show only "online"). */
  status?: string;
}

/**
 * The parameters of {@link buildCdnEvent}'s default event: a cache refresh on `example.com`.
 *
 * @example
 * ```ts
 * const event = buildCdnEvent({ ...cdnEventDefaults, eventName: 'LogFileCreated' });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 */
export const cdnEventDefaults: CdnEventParams = {
  eventName: 'CachedObjectsRefreshed',
  domain: 'example.com',
  time: DEFAULT_TIME,
  accountId: DEFAULT_ACCOUNT_ID,
  region: DEFAULT_REGION,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** CDN log files cover 5 minutes ending at the event; their OSS URL is signed, as in the FC docs' example. */
function logFileParameter(p: CdnEventParams, seconds: number): Record<string, unknown> {
  const end = seconds - (seconds % 300);
  const start = end - 300;
  const local = new Date((start + 8 * 3600) * 1000);
  const day = `${local.getUTCFullYear()}_${pad(local.getUTCMonth() + 1)}_${pad(local.getUTCDate())}`;
  const slot = `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}_${pad(new Date((end + 8 * 3600) * 1000).getUTCHours())}${pad(new Date((end + 8 * 3600) * 1000).getUTCMinutes())}`;
  const signature = encodeURIComponent(Buffer.from(derivedHex(40, 'cdn-log', p.domain, start), 'hex').toString('base64'));
  return {
    domain: p.domain,
    startTime: start,
    endTime: end,
    fileSize: p.fileSize ?? 1788115,
    filePath: `http://cdnlog.${p.region}.oss.aliyun-inc.com/${p.domain}/${day}/${p.domain}_${day}_${slot}.gz?OSSAccessKeyId=LTAI5tFcSimExampleKey&Expires=${end + 3600 * 24 * 7}&Signature=${signature}`,
  };
}

function eventParameter(p: CdnEventParams, seconds: number): Record<string, unknown> {
  switch (p.eventName) {
    case 'LogFileCreated':
      return logFileParameter(p, seconds);
    case 'CachedObjectsRefreshed':
    case 'CachedObjectsPushed':
    case 'CachedObjectsBlocked':
      return {
        objectPath: p.objectPaths ?? ['/2018/03/16/13/33b430c57e7.mp4'],
        createTime: seconds - 1,
        domain: p.domain,
        completeTime: seconds,
        objectType: p.objectType ?? 'File',
        taskId: p.taskId ?? parseInt(derivedHex(10, 'cdn-task', p.domain, seconds), 16) % 1e10,
      };
    case 'CdnDomainStarted':
    case 'CdnDomainStopped':
      return { domain: p.domain, status: p.status ?? (p.eventName === 'CdnDomainStarted' ? 'online' : 'offline') };
    case 'CdnDomainAdded':
    case 'CdnDomainDeleted':
      return { domain: p.domain };
  }
}

/**
 * One CDN event; eventParameter has the shape of its eventName and names the same domain as the resource.
 *
 * @example
 * ```ts
 * const event = buildCdnEvent({ eventName: 'LogFileCreated', domain: 'cdn.example.com', fileSize: 2048 });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildCdnEvent(overrides: Partial<CdnEventParams> = {}): CdnEvent {
  const p = withDefaults(cdnEventDefaults, overrides);
  const time = toDate(p.time);
  const seconds = Math.floor(time.getTime() / 1000);
  const record = {
    eventName: p.eventName,
    eventVersion: '1.0.0',
    eventSource: 'cdn',
    region: p.region,
    eventTime: chinaTime(time),
    traceId: derivedUuid('cdn-trace', p.eventName, p.domain, seconds),
    resource: { domain: p.domain },
    userIdentity: { aliUid: p.accountId },
    eventParameter: eventParameter(p, seconds),
  };
  // eventParameter is built per eventName above; TypeScript cannot follow the switch into the union.
  return { events: [record as unknown as CdnEventRecord] };
}
