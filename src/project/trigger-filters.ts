import type { CdnEventName } from '../triggers/cdn/build.js';
import type { HttpMethod } from '../triggers/http/build.js';
import type { OssEventName } from '../triggers/oss/build.js';
import { objectIn, stringIn, stringsIn, type Json } from '../io/json-values.js';

/**
 * What a trigger's config lets through: the OSS event names and key filter, the HTTP methods, the CDN event name and
 * domains. Names FC does not know are dropped (lint reports them), so a config that lists none lets nothing through.
 */

/** Lists built from records: the compiler says when the payload schemas gain or lose a name. */
const namesOf = <Name extends string>(names: Record<Name, true>) => Object.keys(names) as Name[];

/** Every event name the native OSS trigger delivers (payload spelling, no `oss:`). */
export const OSS_EVENT_NAMES = namesOf<OssEventName>({
  'ObjectCreated:PutObject': true,
  'ObjectCreated:PostObject': true,
  'ObjectCreated:CopyObject': true,
  'ObjectCreated:PutSymlink': true,
  'ObjectCreated:AppendObject': true,
  'ObjectCreated:InitiateMultipartUpload': true,
  'ObjectCreated:UploadPart': true,
  'ObjectCreated:UploadPartCopy': true,
  'ObjectCreated:CompleteMultipartUpload': true,
  'ObjectRemoved:DeleteObject': true,
  'ObjectRemoved:DeleteObjects': true,
  'ObjectRemoved:AbortMultipartUpload': true,
  'ObjectModified:UpdateObjectMeta': true,
  'ObjectReplication:ObjectCreated': true,
  'ObjectReplication:ObjectModified': true,
  'ObjectReplication:ObjectRemoved': true,
});

export const HTTP_METHODS = namesOf<HttpMethod>({ GET: true, POST: true, PUT: true, DELETE: true, HEAD: true, PATCH: true, OPTIONS: true });

export const CDN_EVENT_NAMES = namesOf<CdnEventName>({
  LogFileCreated: true,
  CachedObjectsRefreshed: true,
  CachedObjectsPushed: true,
  CachedObjectsBlocked: true,
  CdnDomainStarted: true,
  CdnDomainStopped: true,
  CdnDomainAdded: true,
  CdnDomainDeleted: true,
});

export interface OssFilter {
  /** The config's names as written, for messages. */
  configured: string[];
  eventNames: OssEventName[];
  /** `""` matches every key, as an absent prefix does. */
  prefix: string;
  suffix: string;
}

/**
 * Whether a config name covers a payload name: config names carry `oss:`, payloads do not; a wildcard
 * (`oss:ObjectCreated:*`, the one FC documents) covers every name of its category.
 */
function covers(configName: string, eventName: OssEventName): boolean {
  const name = configName.replace(/^oss:/, '');
  return name.endsWith(':*') ? eventName.startsWith(name.slice(0, -1)) : name === eventName;
}

/** Both spellings of the key filter: `filter.key.{prefix,suffix}` (API, fc3) and `filter.Key.{Prefix,Suffix}` (fc 2.x, Fun). */
export function ossFilter(config: Json): OssFilter {
  const configured = stringsIn(config.events);
  const filter = objectIn(config.filter);
  const key = objectIn(filter.key);
  const fc2Key = objectIn(filter.Key);
  return {
    configured,
    eventNames: OSS_EVENT_NAMES.filter((eventName) => configured.some((name) => covers(name, eventName))),
    prefix: stringIn(key.prefix) ?? stringIn(fc2Key.Prefix) ?? '',
    suffix: stringIn(key.suffix) ?? stringIn(fc2Key.Suffix) ?? '',
  };
}

/** The object name a key can stand for: as written, or URL-decoded when it decodes. */
function keyNames(key: string): string[] {
  try {
    return [key, decodeURIComponent(key)];
  } catch {
    return [key];
  }
}

/**
 * Whether an event's key passes the prefix/suffix filter. The filter matches the object's name, literally and
 * case-sensitively; an event carries the key raw or URL-encoded (FC does not say which, and fc-sim draws both), so
 * either reading passing counts.
 */
export function keyPasses(filter: Pick<OssFilter, 'prefix' | 'suffix'>, key: string): boolean {
  return keyNames(key).some((name) => name.startsWith(filter.prefix) && name.endsWith(filter.suffix));
}

/** The methods an HTTP trigger accepts; a config without `methods` is read as accepting all of them. */
export function allowedMethods(config: Json): HttpMethod[] {
  if (config.methods === undefined) return HTTP_METHODS;
  // FC's methods are upper-case; a hand-written `get` means GET.
  const listed = new Set(stringsIn(config.methods).map((method) => method.toUpperCase()));
  return HTTP_METHODS.filter((method) => listed.has(method));
}

export interface CdnFilter {
  /** The configured eventName when FC knows it: a CDN trigger subscribes to exactly one. */
  eventNames: CdnEventName[];
  /** `filter.domain`, lower-case (host names are case-insensitive); undefined lets every domain through. */
  domains: string[] | undefined;
}

export function cdnFilter(config: Json): CdnFilter {
  const filter = objectIn(config.filter);
  return {
    eventNames: CDN_EVENT_NAMES.filter((name) => name === config.eventName),
    domains: filter.domain === undefined ? undefined : stringsIn(filter.domain).map((domain) => domain.toLowerCase()),
  };
}

export function domainPasses(filter: CdnFilter, domain: string): boolean {
  return filter.domains === undefined || filter.domains.includes(domain.toLowerCase());
}
