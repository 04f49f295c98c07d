import type { JsonSchema } from './catalog.js';
import type { Json as Node } from '../io/json-values.js';
import { isJsonObject as isNode } from '../io/json-values.js';

const COMPOSITION = ['allOf', 'anyOf', 'oneOf'] as const;
const CONDITIONAL = ['if', 'then', 'else'] as const;

/** Property names that subschemas combined with this object (allOf, if/then/else, …) declare for it. */
function composedPropertyNames(node: Node): string[] {
  const parts: unknown[] = [...CONDITIONAL.map((k) => node[k])];
  for (const k of COMPOSITION) if (Array.isArray(node[k])) parts.push(...(node[k] as unknown[]));
  return parts.filter(isNode).flatMap((part) => [...Object.keys(isNode(part.properties) ? part.properties : {}), ...composedPropertyNames(part)]);
}

/** Subschemas that only add constraints to a shape defined elsewhere: closing them would reject its other keys. */
const PARTIAL = new Set(['if', 'then', 'else', 'not', 'dependencies']);

function close(node: unknown, partial = false): unknown {
  if (Array.isArray(node)) return node.map((item) => close(item, partial));
  if (!isNode(node)) return node;
  const copy: Node = {};
  for (const [key, value] of Object.entries(node)) {
    // `examples`, `enum` and `const` hold data, not subschemas.
    copy[key] = key === 'examples' || key === 'enum' || key === 'const' ? value : close(value, partial || PARTIAL.has(key));
  }
  if (partial) return copy;
  const isObjectSchema = copy.type === 'object' || (Array.isArray(copy.type) && copy.type.includes('object'));
  if (isObjectSchema && isNode(copy.properties) && !('additionalProperties' in copy) && !('patternProperties' in copy)) {
    const properties: Node = { ...copy.properties };
    for (const name of composedPropertyNames(copy)) if (!(name in properties)) properties[name] = true;
    copy.properties = properties;
    copy.additionalProperties = false;
  }
  return copy;
}

/**
 * The strict variant of a schema: every object that lists its properties and leaves other keys open is closed,
 * so that a typo (`resposeElements`) or a field FC does not send is reported. Objects that deliberately take any
 * key (MNS message attributes, user metadata) say so with an explicit `additionalProperties` and stay as they are.
 */
export function strictSchema(schema: JsonSchema): JsonSchema {
  return close(schema) as JsonSchema;
}
