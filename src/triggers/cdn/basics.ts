import { isJsonObject } from '../../io/json-values.js';
import type { CdnEvent } from '../../types/generated.js';
import { accountIdFlag, domainName, list, timeFlag, wholeNumber } from '../_shared/flags.js';
import type { KindSpec, TriggerBasics } from '../types.js';
import type { CdnEventParams } from './build.js';
import { buildCdnEvent, cdnEventDefaults } from './build.js';

const kinds: readonly KindSpec<CdnEventParams>[] = [
  { name: 'cdn:refresh', fixed: { eventName: 'CachedObjectsRefreshed' }, description: 'CDN cache refresh task completed' },
  { name: 'cdn:push', fixed: { eventName: 'CachedObjectsPushed' }, description: 'CDN prefetch (push) task completed' },
  { name: 'cdn:block', fixed: { eventName: 'CachedObjectsBlocked' }, description: 'CDN URLs blocked' },
  { name: 'cdn:logfile', fixed: { eventName: 'LogFileCreated' }, description: 'a CDN access log file ready for download' },
  { name: 'cdn:domain-started', fixed: { eventName: 'CdnDomainStarted' }, description: 'a CDN domain enabled' },
  { name: 'cdn:domain-stopped', fixed: { eventName: 'CdnDomainStopped' }, description: 'a CDN domain disabled' },
  { name: 'cdn:domain-added', fixed: { eventName: 'CdnDomainAdded' }, description: 'a CDN domain added' },
  { name: 'cdn:domain-deleted', fixed: { eventName: 'CdnDomainDeleted' }, description: 'a CDN domain deleted' },
];

/**
 * CDN events: refresh, prefetch and block tasks, log files, and domain changes, `{events: [record]}`.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 */
export const cdnBasics: TriggerBasics<'cdn', CdnEventParams, CdnEvent> = {
  id: 'cdn',
  apiType: 'cdn_events',
  spellings: { fun: 'CDN', fc: 'cdnEvents' },
  schemas: { events: ['cdn'], config: 'cdn-trigger-config' },
  delivery: 'event',
  defaults: cdnEventDefaults,
  build: (params) => buildCdnEvent(params),
  kinds,
  flags: [
    {
      flags: '--domain <domain>',
      description: 'accelerated domain',
      param: 'domain',
      parse: domainName('--domain'),
      pointers: ['/events/0/resource', '/events/0/eventParameter/domain'],
    },
    {
      flags: '--object-path <path>',
      description: 'refreshed/pushed/blocked path; repeatable',
      param: 'objectPaths',
      parse: list,
      pointers: ['/events/0/eventParameter/objectPath'],
    },
    {
      flags: '--object-type <File|Directory>',
      description: 'refresh task object type',
      param: 'objectType',
      pointers: ['/events/0/eventParameter/objectType'],
    },
    {
      flags: '--file-size <bytes>',
      description: 'log file size (cdn:logfile)',
      param: 'fileSize',
      parse: wholeNumber('--file-size'),
      pointers: ['/events/0/eventParameter/fileSize'],
    },
    { flags: '--status <status>', description: 'domain status (cdn:domain-started/stopped)', param: 'status', pointers: ['/events/0/eventParameter/status'] },
    accountIdFlag,
    timeFlag,
  ],
  schemaOf: () => 'cdn',
  detect(value) {
    const record = Array.isArray(value.events) ? value.events[0] : undefined;
    if (isJsonObject(record) && (record.eventSource === 'cdn' || 'eventParameter' in record)) return { schema: 'cdn', because: '/events/0 is a CDN record' };
    return undefined;
  },
};
