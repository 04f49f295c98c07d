import type { SchemaName } from '../schema/catalog.js';
import type { CdnEventName } from '../triggers/cdn/build.js';
import type { HttpMethod } from '../triggers/http/build.js';
import type { MnsFormat } from '../triggers/mns/build.js';
import type { OssEventName } from '../triggers/oss/build.js';

/** The trigger families fc-sim builds events for; each has its own builder, generator and CLI flags. */
export type Trigger = 'oss' | 'timer' | 'mns' | 'sls' | 'cdn' | 'http';

interface KindBase {
  name: string;
  description: string;
  /** Parameters this kind sets on top of its builder's defaults (the user's flags go on top of these). */
  params?: Record<string, unknown>;
}

/** A named event kind: a realistic default event of one trigger, which flags then change. */
export type EventKind =
  | (KindBase & { trigger: 'oss'; eventName: OssEventName })
  | (KindBase & { trigger: 'timer' })
  | (KindBase & { trigger: 'mns'; format: MnsFormat })
  | (KindBase & { trigger: 'sls' })
  | (KindBase & { trigger: 'cdn'; eventName: CdnEventName })
  | (KindBase & { trigger: 'http'; method: HttpMethod });

export const eventKinds: readonly EventKind[] = [
  { name: 'oss:put', trigger: 'oss', eventName: 'ObjectCreated:PutObject', description: 'an object uploaded with PutObject' },
  {
    name: 'oss:post',
    trigger: 'oss',
    eventName: 'ObjectCreated:PostObject',
    description: 'an object uploaded by a browser form (PostObject)',
    params: { key: 'uploads/avatar.jpg', size: 7107, mimeType: 'image/jpeg' },
  },
  { name: 'oss:copy', trigger: 'oss', eventName: 'ObjectCreated:CopyObject', description: 'an object created by CopyObject', params: { key: 'backup/example.png' } },
  {
    name: 'oss:append',
    trigger: 'oss',
    eventName: 'ObjectCreated:AppendObject',
    description: 'data appended to an appendable object (position = where the append started)',
    params: { key: 'logs/app.log', size: 2048, deltaSize: 1024, mimeType: 'text/plain' },
  },
  {
    name: 'oss:multipart',
    trigger: 'oss',
    eventName: 'ObjectCreated:CompleteMultipartUpload',
    description: 'a multipart upload completed',
    params: { key: 'uploads/archive.zip', size: 52428800, mimeType: 'application/zip' },
  },
  { name: 'oss:symlink', trigger: 'oss', eventName: 'ObjectCreated:PutSymlink', description: 'a symbolic link created (PutSymlink)', params: { key: 'latest.png', size: 0 } },
  { name: 'oss:delete', trigger: 'oss', eventName: 'ObjectRemoved:DeleteObject', description: 'an object deleted (deltaSize is minus its size)', params: { mimeType: undefined } },
  {
    name: 'oss:delete-multiple',
    trigger: 'oss',
    eventName: 'ObjectRemoved:DeleteObjects',
    description: 'one of the objects deleted by DeleteObjects (OSS sends one event per object)',
    params: { mimeType: undefined },
  },
  {
    name: 'oss:abort-multipart',
    trigger: 'oss',
    eventName: 'ObjectRemoved:AbortMultipartUpload',
    description: 'a multipart upload aborted',
    params: { key: 'uploads/archive.zip', size: 0, mimeType: undefined },
  },
  {
    name: 'oss:update-meta',
    trigger: 'oss',
    eventName: 'ObjectModified:UpdateObjectMeta',
    description: "an object's metadata changed (only some cn- regions deliver it)",
    params: { userMeta: { 'x-oss-meta-last-modified': '20250213' } },
  },
  { name: 'timer', trigger: 'timer', description: 'a timer trigger firing (triggerTime in whole seconds, UTC)' },
  { name: 'mns:json', trigger: 'mns', format: 'JSON', description: 'an MNS topic message, JSON format (attributes merged at the top level)' },
  {
    name: 'mns:stream',
    trigger: 'mns',
    format: 'STREAM',
    description: 'an MNS topic message, STREAM format: the raw body, or {body, attrs} with --attr',
  },
  { name: 'sls', trigger: 'sls', description: 'an SLS (Log Service) trigger: cursors of new log groups in one shard' },
  { name: 'cdn:refresh', trigger: 'cdn', eventName: 'CachedObjectsRefreshed', description: 'CDN cache refresh task completed' },
  { name: 'cdn:push', trigger: 'cdn', eventName: 'CachedObjectsPushed', description: 'CDN prefetch (push) task completed' },
  { name: 'cdn:block', trigger: 'cdn', eventName: 'CachedObjectsBlocked', description: 'CDN URLs blocked' },
  { name: 'cdn:logfile', trigger: 'cdn', eventName: 'LogFileCreated', description: 'a CDN access log file ready for download' },
  { name: 'cdn:domain-started', trigger: 'cdn', eventName: 'CdnDomainStarted', description: 'a CDN domain enabled' },
  { name: 'cdn:domain-stopped', trigger: 'cdn', eventName: 'CdnDomainStopped', description: 'a CDN domain disabled' },
  { name: 'cdn:domain-added', trigger: 'cdn', eventName: 'CdnDomainAdded', description: 'a CDN domain added' },
  { name: 'cdn:domain-deleted', trigger: 'cdn', eventName: 'CdnDomainDeleted', description: 'a CDN domain deleted' },
  { name: 'http:get', trigger: 'http', method: 'GET', description: 'an HTTP GET to an FC 3.0 HTTP trigger (--fc2: the FC 2.0 request)', params: { path: '/users', query: { page: '1' } } },
  {
    name: 'http:post',
    trigger: 'http',
    method: 'POST',
    description: 'an HTTP POST with a JSON body',
    params: { path: '/users', headers: { Accept: '*/*', 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' }, body: '{"name":"fc-sim"}' },
  },
  {
    name: 'http:put',
    trigger: 'http',
    method: 'PUT',
    description: 'an HTTP PUT with a JSON body',
    params: { path: '/users/42', headers: { Accept: '*/*', 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' }, body: '{"name":"fc-sim"}' },
  },
  { name: 'http:delete', trigger: 'http', method: 'DELETE', description: 'an HTTP DELETE', params: { path: '/users/42' } },
  { name: 'http:head', trigger: 'http', method: 'HEAD', description: 'an HTTP HEAD', params: { path: '/users' } },
  {
    name: 'http:patch',
    trigger: 'http',
    method: 'PATCH',
    description: 'an HTTP PATCH with a JSON merge patch',
    params: { path: '/users/42', headers: { Accept: '*/*', 'Content-Type': 'application/merge-patch+json', 'User-Agent': 'curl/8.5.0' }, body: '{"name":"fc"}' },
  },
  { name: 'http:options', trigger: 'http', method: 'OPTIONS', description: 'a CORS preflight (OPTIONS)', params: { path: '/users', headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'POST' } } },
];

export function findKind(name: string): EventKind | undefined {
  return eventKinds.find((kind) => kind.name === name);
}

/** The schema an event of this kind validates against (an MNS STREAM event without attributes has none). */
export function schemaOfKind(kind: EventKind, event: unknown): SchemaName | undefined {
  switch (kind.trigger) {
    case 'mns':
      return typeof event === 'string' ? undefined : kind.format === 'JSON' ? 'mns-json' : 'mns-stream';
    case 'http':
      return typeof event === 'object' && event !== null && 'version' in event ? 'http' : 'fc2-http-request';
    default:
      return kind.trigger;
  }
}
