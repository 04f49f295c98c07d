import { isDeepStrictEqual } from 'node:util';
import { FcSimError } from '../../src/errors.js';
import { isJsonObject } from '../../src/io/json-values.js';

/** A schema object as the compiler reads it (boolean `true` schemas are turned into `{}` first). */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** A `{ if, then, else }` entry: after {@link SchemaContext.normalize} a schema's `allOf` holds only these. */
export interface Conditional {
  readonly if: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
}

/** Thrown for a schema feature the compiler does not implement, instead of generating values that may not validate. */
export class UnsupportedSchemaError extends FcSimError {
  declare readonly code: 'E_UNSUPPORTED_SCHEMA';
  constructor(message: string) {
    super('E_UNSUPPORTED_SCHEMA', message, 'give that part of the value its own arbitrary with the overrides option');
    this.name = 'UnsupportedSchemaError';
  }
}

export const isSchemaNode = (value: unknown): value is SchemaNode => isJsonObject(value);

/** Keywords that document a schema without constraining values: merged schemas leave them out. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'definitions', 'x-fc-doc']);

export const isAnnotation = (keyword: string) => ANNOTATIONS.has(keyword);

/** The conditionals a {@link SchemaContext.normalize}d schema keeps in its `allOf`. */
export const conditionalsOf = (schema: SchemaNode): readonly Conditional[] => (Array.isArray(schema.allOf) ? (schema.allOf as Conditional[]) : []);

const LOWER_BOUNDS = new Set(['minimum', 'minLength', 'minItems']);
const UPPER_BOUNDS = new Set(['maximum', 'maxLength', 'maxItems']);

export function asSchemaNode(schema: unknown): SchemaNode {
  if (schema === true) return {};
  if (isSchemaNode(schema)) return schema;
  throw new UnsupportedSchemaError(`not a schema that allows values: ${JSON.stringify(schema)}`);
}

export function withoutKeywords(schema: SchemaNode, keywords: readonly string[]): SchemaNode {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !keywords.includes(keyword)));
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function schemaMap(value: unknown): Readonly<Record<string, unknown>> {
  return isSchemaNode(value) ? value : {};
}

/**
 * One root schema's `$ref` resolution and schema merging. Merging is how `allOf`, `anyOf` branches and `if`/`then`
 * are compiled: the compiler only ever generates from a single flat schema.
 */
export class SchemaContext {
  constructor(readonly root: SchemaNode) {}

  /** The schema with its `$ref` (local `#/…` pointers only) replaced by the target, merged with any sibling keywords. */
  resolve(schema: unknown): SchemaNode {
    const node = asSchemaNode(schema);
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    return this.merge(this.lookUp(ref), withoutKeywords(node, ['$ref']));
  }

  /**
   * The schema with `$ref` resolved and plain `allOf` entries merged in; its `allOf` keeps only the conditionals
   * (its own `if`/`then`/`else` moved there too), which need the generated value to be applied.
   */
  normalize(schema: unknown): SchemaNode {
    let node = this.resolve(schema);
    const conditionals: Conditional[] = [];
    const takeConditional = (part: SchemaNode): SchemaNode => {
      if (isSchemaNode(part.if)) {
        conditionals.push({
          if: part.if,
          ...(part.then === undefined ? {} : { then: asSchemaNode(part.then) }),
          ...(part.else === undefined ? {} : { else: asSchemaNode(part.else) }),
        });
      }
      return withoutKeywords(part, ['if', 'then', 'else']);
    };
    node = takeConditional(node);
    // Merging an entry may bring in another allOf (or $ref), hence the loop.
    while (Array.isArray(node.allOf)) {
      const entries = node.allOf.map((entry) => takeConditional(this.resolve(entry)));
      node = entries.reduce<SchemaNode>((merged, entry) => this.merge(merged, entry), withoutKeywords(node, ['allOf']));
    }
    return conditionals.length === 0 ? node : { ...node, allOf: conditionals };
  }

  /** A schema that both `a` and `b` hold for (for the keywords our schemas combine; others must agree or it throws). */
  merge(a: unknown, b: unknown): SchemaNode {
    const left = this.resolve(a);
    const merged: Record<string, unknown> = withoutKeywords(left, [...ANNOTATIONS]);
    for (const [keyword, value] of Object.entries(this.resolve(b))) {
      if (ANNOTATIONS.has(keyword)) continue;
      merged[keyword] = Object.hasOwn(merged, keyword) ? this.mergeKeyword(keyword, merged[keyword], value) : value;
    }
    return merged;
  }

  private mergeKeyword(keyword: string, a: unknown, b: unknown): unknown {
    if (isDeepStrictEqual(a, b)) return a;
    if (LOWER_BOUNDS.has(keyword)) return Math.max(Number(a), Number(b));
    if (UPPER_BOUNDS.has(keyword)) return Math.min(Number(a), Number(b));
    switch (keyword) {
      case 'properties': {
        const properties: Record<string, unknown> = { ...schemaMap(a) };
        for (const [name, schema] of Object.entries(schemaMap(b))) {
          properties[name] = Object.hasOwn(properties, name) ? this.merge(properties[name], schema) : schema;
        }
        return properties;
      }
      case 'required':
        return [...new Set([...stringList(a), ...stringList(b)])];
      case 'allOf':
        return [...(a as unknown[]), ...(b as unknown[])];
      case 'enum':
        return (a as unknown[]).filter((value) => (b as unknown[]).some((other) => isDeepStrictEqual(value, other)));
      case 'items':
      case 'propertyNames':
        return this.merge(a, b);
      case 'additionalProperties':
        return a === false || b === false ? false : this.merge(a, b);
      default:
        throw new UnsupportedSchemaError(`cannot combine two different "${keyword}": ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
    }
  }

  private lookUp(ref: string): SchemaNode {
    if (!ref.startsWith('#')) throw new UnsupportedSchemaError(`only local $refs are supported, not ${ref}`);
    let target: unknown = this.root;
    for (const segment of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isSchemaNode(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new UnsupportedSchemaError(`$ref ${ref} points nowhere`);
    return this.resolve(target);
  }
}
