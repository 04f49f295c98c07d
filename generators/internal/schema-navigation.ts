import { isDeepStrictEqual } from 'node:util';
import type { SchemaContext, SchemaNode } from './schema-context.js';
import { conditionalsOf, isSchemaNode, schemaMap, withoutKeywords } from './schema-context.js';

const isArrayIndex = (segment: string) => segment === '*' || /^(0|[1-9][0-9]*)$/.test(segment);

/** One schema for the branches that have the path (identical ones, such as the `domain` of every CDN eventParameter, once). */
function alternatives(found: readonly SchemaNode[]): SchemaNode | undefined {
  const distinct = found.filter((schema, i) => found.findIndex((other) => isDeepStrictEqual(other, schema)) === i);
  return distinct.length <= 1 ? distinct[0] : { anyOf: distinct };
}

/** The schema of the direct child `segment` as the schema itself declares it (items, properties, additionalProperties). */
function declaredChild(node: SchemaNode, segment: string): unknown {
  if (isArrayIndex(segment) && (node.type === 'array' || node.items !== undefined)) return node.items ?? {};
  const properties = schemaMap(node.properties);
  if (Object.hasOwn(properties, segment)) return properties[segment];
  return isSchemaNode(node.additionalProperties) ? node.additionalProperties : undefined;
}

/**
 * The schema of the value at an instance path, following properties, items, `$ref`, `anyOf`/`oneOf` (any branch that
 * has the path). A path that only an `if`/`then` branch declares (a CDN `eventParameter`'s fields) is looked up in
 * those branches; where the object itself declares the path, its conditionals are not applied.
 */
export function subschemaAt(context: SchemaContext, schema: unknown, segments: readonly string[]): SchemaNode | undefined {
  const node = context.normalize(schema);
  const [segment, ...rest] = segments;
  if (segment === undefined) return node;
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = node[keyword];
    if (Array.isArray(branches)) {
      const base = withoutKeywords(node, [keyword]);
      return alternatives(branches.flatMap<SchemaNode>((branch) => subschemaAt(context, context.merge(base, branch), segments) ?? []));
    }
  }
  const child = declaredChild(node, segment);
  const declared = child === undefined ? undefined : subschemaAt(context, child, rest);
  if (declared !== undefined) return declared;
  const unconditional = withoutKeywords(node, ['allOf']);
  return alternatives(
    conditionalsOf(node)
      .flatMap((conditional) => [conditional.then, conditional.else])
      .flatMap<SchemaNode>((branch) => (branch === undefined ? [] : (subschemaAt(context, context.merge(unconditional, branch), segments) ?? []))),
  );
}
