/**
 * Each tool spells trigger configs its own way (trigger-config.md §8): Fun uses PascalCase keys and its own type
 * names, fc 2.x capitalises the OSS filter (`filter.Key.Prefix`), fc3 and the API use `filter.key.prefix`. Here
 * they all become the API shape that schemas/trigger-config describes.
 */

import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject } from '../io/json-values.js';
import { apiTypeOf, moduleOfTrigger } from '../triggers/modules.js';
import type { ProjectFormat } from './model.js';

/**
 * Fun's event types and fc 2.x's spellings of the types fc-sim has no trigger module for (aliyun/fun
 * `src/lib/trigger.js`); the modules' own spellings are in src/triggers/<id>/index.ts.
 */
const OTHER_SPELLINGS: Readonly<Record<string, string>> = { RDS: 'rds', Datahub: 'datahub' };

/** The FC API's trigger type for a type as a tool writes it (Fun `MNSTopic`, fc 2.x `mnsTopic`); as written when unknown. */
export function apiTriggerType(written: string, tool: ProjectFormat): string {
  const type = apiTypeOf(written, tool);
  return type === written && tool === 'fun' ? (OTHER_SPELLINGS[written] ?? written) : type;
}

/** Objects whose keys are data (environment-like maps), not field names: their keys are kept. */
const DATA_MAPS = new Set(['functionParameter', 'FunctionParameter']);

function lowerFirstKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerFirstKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), DATA_MAPS.has(key) ? item : lowerFirstKeys(item)]),
  );
}

/** A trigger config as the FC API takes it, from any tool's spelling. */
export function apiTriggerConfig(type: string, config: unknown, fromFun: boolean): Json {
  const result = (fromFun ? lowerFirstKeys(config) : config) as Json;
  if (!isObject(result)) return {};
  // Fun's Log trigger sends a capital "Enable"; lowerFirstKeys already made it "enable".
  return moduleOfTrigger({ type, config: result })?.project.normaliseConfig?.(result) ?? result;
}
