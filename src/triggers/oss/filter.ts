import type { Json } from '../../io/json-values.js';
import { isJsonObject, objectIn, stringIn, stringsIn } from '../../io/json-values.js';
import { namesOf } from '../_shared/names.js';
import type { OssEventName } from './build.js';

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

/** `filter.Key.{Prefix,Suffix}` (fc 2.x, Fun) → `filter.key.{prefix,suffix}`, the API's spelling. */
export function apiOssConfig(config: Json): Json {
  const filter = config.filter;
  if (!isJsonObject(filter)) return config;
  const key = (filter.key ?? filter.Key) as Json | undefined;
  if (!isJsonObject(key)) return config;
  const prefix = key.prefix ?? key.Prefix;
  const suffix = key.suffix ?? key.Suffix;
  return { ...config, filter: { key: { ...(prefix === undefined ? {} : { prefix }), ...(suffix === undefined ? {} : { suffix }) } } };
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
