/**
 * Each tool spells trigger configs its own way (trigger-config.md §8): Fun uses PascalCase keys and its own type
 * names, fc 2.x capitalises the OSS filter (`filter.Key.Prefix`), fc3 and the API use `filter.key.prefix`. Here
 * they all become the API shape that schemas/trigger-config describes.
 */

import { isJsonObject as isObject, type Json } from '../io/json-values.js';

/** Fun's event types and the FC API's trigger types (aliyun/fun `src/lib/trigger.js`). */
export const FUN_TRIGGER_TYPES: Readonly<Record<string, string>> = {
  Timer: 'timer',
  HTTP: 'http',
  Log: 'log',
  OSS: 'oss',
  RDS: 'rds',
  MNSTopic: 'mns_topic',
  TableStore: 'tablestore',
  CDN: 'cdn_events',
  Datahub: 'datahub',
};

/** Objects whose keys are data (environment-like maps), not field names: their keys are kept. */
const DATA_MAPS = new Set(['functionParameter', 'FunctionParameter']);

function lowerFirstKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerFirstKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), DATA_MAPS.has(key) ? item : lowerFirstKeys(item)]),
  );
}

/** `filter.Key.{Prefix,Suffix}` (fc 2.x, Fun) → `filter.key.{prefix,suffix}`. */
function apiOssFilter(config: Json): Json {
  const filter = config.filter;
  if (!isObject(filter)) return config;
  const key = (filter.key ?? filter.Key) as Json | undefined;
  if (!isObject(key)) return config;
  const prefix = key.prefix ?? key.Prefix;
  const suffix = key.suffix ?? key.Suffix;
  return { ...config, filter: { key: { ...(prefix === undefined ? {} : { prefix }), ...(suffix === undefined ? {} : { suffix }) } } };
}

/** A trigger config as the FC API takes it, from any tool's spelling. */
export function apiTriggerConfig(type: string, config: unknown, fromFun: boolean): Json {
  let result = (fromFun ? lowerFirstKeys(config) : config) as Json;
  if (!isObject(result)) return {};
  if (type === 'oss') result = apiOssFilter(result);
  // Fun takes ANONYMOUS/FUNCTION and lower-cases them on deploy.
  if (type === 'http' && typeof result.authType === 'string') result = { ...result, authType: result.authType.toLowerCase() };
  // Fun's Log trigger sends a capital "Enable"; lowerFirstKeys already made it "enable".
  return result;
}
