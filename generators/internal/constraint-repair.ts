import type { SchemaNode } from './schema-context.js';
import { isSchemaNode, schemaMap, stringList } from './schema-context.js';
import type { ValuePredicate } from './schema-matcher.js';

/** Keys whose removal can satisfy a `not` or `dependencies` (forbidden keys first, then the key that forbids them). */
export function constraintKeys(schema: SchemaNode): string[] {
  const keysOf = (part: SchemaNode) => [...Object.keys(schemaMap(part.properties)), ...stringList(part.required)];
  const keys = isSchemaNode(schema.not) ? keysOf(schema.not) : [];
  for (const [trigger, dependency] of Object.entries(schemaMap(schema.dependencies))) {
    keys.push(...(isSchemaNode(dependency) ? keysOf(dependency) : []), trigger);
  }
  return [...new Set(keys)];
}

/** A copy of `value` without `keys`, removed in order until it is `satisfied` (the rest are kept). */
export function dropKeysUntil(value: Record<string, unknown>, keys: readonly string[], satisfied: ValuePredicate): Record<string, unknown> {
  const copy = { ...value };
  for (const key of keys) {
    if (!Object.hasOwn(copy, key)) continue;
    delete copy[key];
    if (satisfied(copy)) break;
  }
  return copy;
}
