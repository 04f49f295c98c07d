import fc from 'fast-check';
import { FcSimError } from '../../src/errors.js';
import type { JsonSchema, SchemaName } from '../../src/schema/catalog.js';
import { loadSchema } from '../../src/schema/catalog.js';
import type { SchemaTypes } from '../../src/types/generated.js';
import { constraintKeys, dropKeysUntil } from './constraint-repair.js';
import type { InstancePath } from './instance-pointer.js';
import { OverrideTable, parseInstancePointer } from './instance-pointer.js';
import { integerArbitrary, numberArbitrary, stringArbitrary } from './scalar-arbitrary.js';
import type { Conditional, SchemaNode } from './schema-context.js';
import {
  SchemaContext,
  UnsupportedSchemaError,
  asSchemaNode,
  conditionalsOf,
  isAnnotation,
  isSchemaNode,
  schemaMap,
  stringList,
  withoutKeywords,
} from './schema-context.js';
import type { ValuePredicate } from './schema-matcher.js';
import { subschemaMatcher } from './schema-matcher.js';
import { subschemaAt } from './schema-navigation.js';

/**
 * How the schema compiler draws: arbitraries of your own at instance pointers, and the size of open arrays and maps.
 *
 * @example
 * ```ts
 * const options: SchemaArbitraryOptions = { overrides: { '/events/0/oss/object/key': fc.constantFrom('a.png', 'b c.jpg') }, maxItems: 1 };
 * const events = arbitraryFor('oss', options);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#property-based-contract-tests
 */
export interface SchemaArbitraryOptions {
  /** Arbitraries used instead of the schema's, by JSON pointer into the generated INSTANCE, `*` matching any array index or map key: { '/events/*\/oss/object/key': myKeyArb }. */
  overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Most items for arrays and maps that set no maxItems (default 3). */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 3;

/** Every validation keyword the compiler implements; any other one throws rather than risk invalid values. */
const SUPPORTED_KEYWORDS = new Set([
  'type',
  'const',
  'enum',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'dependencies',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject => isSchemaNode(value);

const unique = (names: readonly string[]) => [...new Set(names)];

/**
 * An empty object in V8's dictionary mode, with Object.prototype: for keys drawn at random. Adding such keys to `{}`
 * gives it a new hidden class per key, kept in a tree V8 grows for ever: ~10 µs a key and memory that builds up over
 * a million events.
 */
function dictionaryObject(): JsonObject {
  return Object.setPrototypeOf(Object.create(null), Object.prototype) as JsonObject;
}

/** Adds the entries to `target` as data properties (a `__proto__` key too, as a spread or fc.dictionary would). */
function withEntries(target: JsonObject, entries: Iterable<readonly [string, unknown]>): JsonObject {
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  }
  return target;
}

/** Values of a property that select a conditional (`if: {properties: {type: {const: …}}}`): drawn often, so each branch is generated. */
function discriminatorValues(conditionals: readonly Conditional[]): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  for (const conditional of conditionals) {
    for (const [name, schema] of Object.entries(schemaMap(conditional.if.properties))) {
      if (!isSchemaNode(schema)) continue;
      const selecting = Object.hasOwn(schema, 'const') ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
      values.set(name, [...(values.get(name) ?? []), ...selecting]);
    }
  }
  return values;
}

/** What one branch of a property conditional changes: fresh values for the properties it names. */
interface BranchPatch {
  readonly required: readonly string[];
  readonly values: fc.Arbitrary<JsonObject>;
}

/**
 * Compiles the schemas of one root into arbitraries. Structures are chosen to shrink well: records with optional keys,
 * arrays, `oneof` of branches, and tuples of pre-drawn conditional patches instead of `chain`.
 */
class SchemaArbitraryCompiler {
  private readonly matches: (schema: SchemaNode) => ValuePredicate;

  constructor(
    private readonly context: SchemaContext,
    private readonly overrides: OverrideTable,
    private readonly maxItems: number,
  ) {
    this.matches = subschemaMatcher(context.root);
  }

  compile(schema: unknown, path: InstancePath): fc.Arbitrary<unknown> {
    const override = this.overrides.at(path);
    if (override) return override;
    const node = this.context.normalize(schema);
    const unsupported = Object.keys(node).filter((keyword) => !SUPPORTED_KEYWORDS.has(keyword) && !isAnnotation(keyword));
    if (unsupported.length > 0) {
      throw new UnsupportedSchemaError(`keyword ${unsupported.join(', ')} at instance path /${path.join('/')} is not supported`);
    }
    if (Array.isArray(node.anyOf)) return this.anyOf(node, node.anyOf, path);
    if (Array.isArray(node.oneOf)) return this.oneOf(node, node.oneOf, path);
    const valueConditional = conditionalsOf(node).find((conditional) => !this.isPropertyConditional(node, conditional));
    if (valueConditional) return this.splitOn(node, valueConditional, path);
    if (Array.isArray(node.type)) return fc.oneof(...node.type.map((type: unknown) => this.compile({ ...node, type }, path)));
    return this.withConstraints(node, this.byType(node, path));
  }

  private anyOf(node: SchemaNode, branches: readonly unknown[], path: InstancePath): fc.Arbitrary<unknown> {
    const base = withoutKeywords(node, ['anyOf']);
    return fc.oneof(...branches.map((branch) => this.compile(this.context.merge(base, branch), path)));
  }

  private oneOf(node: SchemaNode, branches: readonly unknown[], path: InstancePath): fc.Arbitrary<unknown> {
    const base = withoutKeywords(node, ['oneOf']);
    const branchMatches = branches.map((branch) => this.matches(asSchemaNode(branch)));
    return fc
      .oneof(...branches.map((branch) => this.compile(this.context.merge(base, branch), path)))
      .filter((value) => branchMatches.filter((matches) => matches(value)).length === 1);
  }

  /** A conditional on the value itself (`if: {type: 'string'}`): a value meeting `if` and `then`, or one failing `if` and meeting `else`. */
  private splitOn(node: SchemaNode, conditional: Conditional, path: InstancePath): fc.Arbitrary<unknown> {
    const otherConditionals = conditionalsOf(node).filter((other) => other !== conditional);
    const rest = otherConditionals.length > 0 ? { ...node, allOf: otherConditionals } : withoutKeywords(node, ['allOf']);
    const holds = this.matches(conditional.if);
    const thenSchema = this.context.merge(this.context.merge(rest, conditional.if), conditional.then ?? {});
    const elseSchema = this.context.merge(rest, conditional.else ?? {});
    return fc.oneof(
      this.compile(thenSchema, path).filter(holds),
      this.compile(elseSchema, path).filter((value) => !holds(value)),
    );
  }

  /** Whether a conditional only changes properties of an object (then it is applied as a patch after generation). */
  private isPropertyConditional(node: SchemaNode, conditional: Conditional): boolean {
    const isObject = node.type === 'object' || (node.type === undefined && isSchemaNode(node.properties));
    const patchesProperties = (branch: SchemaNode | undefined) =>
      branch === undefined ||
      Object.keys(this.context.resolve(branch)).every((keyword) => keyword === 'properties' || keyword === 'required' || isAnnotation(keyword));
    return isObject && patchesProperties(conditional.then) && patchesProperties(conditional.else);
  }

  private byType(node: SchemaNode, path: InstancePath): fc.Arbitrary<unknown> {
    if (Object.hasOwn(node, 'const')) return fc.constant(node.const);
    if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
    switch (node.type ?? impliedType(node)) {
      case 'string':
        return stringArbitrary(node);
      case 'integer':
        return integerArbitrary(node);
      case 'number':
        return numberArbitrary(node);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return this.array(node, path);
      case 'object':
        return this.object(node, path);
      case undefined:
        // `{}`: any JSON value (FC's free-form `data`, Kafka `value`).
        return fc.jsonValue({ maxDepth: 2 });
      default:
        throw new UnsupportedSchemaError(`type ${JSON.stringify(node.type)} at /${path.join('/')} is not supported`);
    }
  }

  private array(node: SchemaNode, path: InstancePath): fc.Arbitrary<unknown[]> {
    if (Array.isArray(node.items)) throw new UnsupportedSchemaError(`tuple items at /${path.join('/')} are not supported`);
    const items = this.compile(node.items ?? {}, [...path, '*']);
    const minLength = typeof node.minItems === 'number' ? node.minItems : 0;
    const maxLength = typeof node.maxItems === 'number' ? node.maxItems : Math.max(minLength, this.maxItems);
    return node.uniqueItems === true
      ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
      : fc.array(items, { minLength, maxLength });
  }

  private object(node: SchemaNode, path: InstancePath): fc.Arbitrary<JsonObject> {
    const properties = schemaMap(node.properties);
    const required = stringList(node.required);
    const conditionals = conditionalsOf(node);
    const discriminators = discriminatorValues(conditionals);
    const names = unique([...Object.keys(properties), ...required]);
    const model = Object.fromEntries(names.map((name) => [name, this.property(properties[name] ?? {}, [...path, name], discriminators.get(name) ?? [])]));
    let objects: fc.Arbitrary<JsonObject> = fc.record(model, { requiredKeys: required, noNullPrototype: true });
    if (isSchemaNode(node.additionalProperties)) {
      const patchedNames = conditionals
        .flatMap(({ then, else: otherwise }) => [then, otherwise])
        .flatMap((branch) => (branch ? Object.keys(schemaMap(this.context.resolve(branch).properties)) : []));
      const extras = this.extraProperties(node, node.additionalProperties, new Set([...names, ...patchedNames]), path);
      // A map (OSS userMeta): its extra properties are the object. An empty record beside them draws nothing, so
      // the values are the same, without a second object built from the first for every draw.
      if (names.length === 0 && conditionals.length === 0) return extras;
      objects = fc
        .tuple(objects, extras)
        .map(([declared, extra]) =>
          Object.keys(extra).length === 0 ? { ...declared } : withEntries(withEntries(dictionaryObject(), Object.entries(declared)), Object.entries(extra)),
        );
    }
    return conditionals.length > 0 ? this.applyConditionals(objects, properties, conditionals, path) : objects;
  }

  /** A declared property, with the values that select conditionals mixed in when its own schema rarely draws them. */
  private property(schema: unknown, path: InstancePath, selecting: readonly unknown[]): fc.Arbitrary<unknown> {
    const arbitrary = this.compile(schema, path);
    const node = this.context.resolve(schema);
    if (this.overrides.at(path) || Object.hasOwn(node, 'const') || Array.isArray(node.enum)) return arbitrary;
    const [first, ...others] = selecting.filter(this.matches(node));
    return first === undefined ? arbitrary : fc.oneof(arbitrary, fc.constantFrom(first, ...others));
  }

  /** Keys `additionalProperties` allows, named by `propertyNames` when given, never one the schema declares. */
  private extraProperties(node: SchemaNode, values: SchemaNode, declared: ReadonlySet<string>, path: InstancePath): fc.Arbitrary<JsonObject> {
    const names = isSchemaNode(node.propertyNames) ? stringArbitrary(this.context.resolve(node.propertyNames)) : fc.string({ minLength: 1 });
    const keys = declared.size === 0 ? names : names.filter((key) => !declared.has(key));
    // fc.dictionary's draws (unique entries by key), into an object that is a dictionary from the start.
    return fc.uniqueArray(fc.tuple(keys, this.compile(values, [...path, '*'])), { maxLength: this.maxItems, selector: (entry) => entry[0] }).map(
      (entries) => withEntries(dictionaryObject(), entries),
      (value) => {
        if (!isJsonObject(value)) throw new Error('not an object');
        return Object.entries(value);
      },
    );
  }

  /**
   * Applies `if`/`then`/`else` on properties: every branch's properties are drawn up front (from the base property
   * merged with the branch's), and the branch whose `if` holds for the generated object replaces them.
   */
  private applyConditionals(
    objects: fc.Arbitrary<JsonObject>,
    properties: Readonly<Record<string, unknown>>,
    conditionals: readonly Conditional[],
    path: InstancePath,
  ): fc.Arbitrary<JsonObject> {
    const compiled = conditionals.map((conditional) => ({
      holds: this.matches(conditional.if),
      then: this.branchPatch(conditional.then, properties, path),
      else: this.branchPatch(conditional.else, properties, path),
    }));
    const patches = fc.tuple(...compiled.map((branches) => fc.tuple(branches.then.values, branches.else.values)));
    return fc.tuple(objects, patches).map(([base, drawn]) => {
      const value = { ...base };
      compiled.forEach((conditional, i) => {
        const holds = conditional.holds(value);
        const patch = holds ? conditional.then : conditional.else;
        const [thenValues, elseValues] = drawn[i] ?? [{}, {}];
        for (const [name, patched] of Object.entries(holds ? thenValues : elseValues)) {
          // Optional properties stay absent: only those present, or required by the branch, are replaced.
          if (Object.hasOwn(value, name) || patch.required.includes(name)) value[name] = patched;
        }
      });
      return value;
    });
  }

  private branchPatch(branch: SchemaNode | undefined, properties: Readonly<Record<string, unknown>>, path: InstancePath): BranchPatch {
    if (branch === undefined) return { required: [], values: fc.constant({}) };
    const node = this.context.resolve(branch);
    const patched = schemaMap(node.properties);
    const required = stringList(node.required);
    const model = Object.fromEntries(
      unique([...Object.keys(patched), ...required]).map((name) => [
        name,
        this.compile(this.context.merge(properties[name] ?? {}, patched[name] ?? {}), [...path, name]),
      ]),
    );
    return { required, values: fc.record(model, { noNullPrototype: true }) };
  }

  /**
   * `not` and `dependencies` only forbid: the value is generated without them, then the optional keys they name are
   * dropped until it complies ("whitelist and blacklist not both"); the filter only guards what dropping cannot fix.
   */
  private withConstraints(node: SchemaNode, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
    if (node.not === undefined && node.dependencies === undefined) return arbitrary;
    const satisfied = this.matches({ not: node.not ?? false, dependencies: node.dependencies ?? {} });
    const required = new Set([
      ...stringList(node.required),
      ...conditionalsOf(node)
        .flatMap(({ then, else: otherwise }) => [then, otherwise])
        .flatMap((branch) => (branch ? stringList(this.context.resolve(branch).required) : [])),
    ]);
    const droppable = constraintKeys(node).filter((key) => !required.has(key));
    return arbitrary.map((value) => (isJsonObject(value) && !satisfied(value) ? dropKeysUntil(value, droppable, satisfied) : value)).filter(satisfied);
  }
}

/** The type a schema without `type` constrains values to, judging by its keywords (`undefined`: any value). */
function impliedType(node: SchemaNode): string | undefined {
  const has = (...keywords: string[]) => keywords.some((keyword) => Object.hasOwn(node, keyword));
  if (has('properties', 'required', 'additionalProperties', 'propertyNames', 'dependencies')) return 'object';
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return 'array';
  if (has('pattern', 'format', 'minLength', 'maxLength')) return 'string';
  if (has('minimum', 'maximum')) return 'number';
  return undefined;
}

function compileChecked(root: SchemaNode, schema: unknown, path: InstancePath, overrides: OverrideTable, options: SchemaArbitraryOptions) {
  const context = new SchemaContext(root);
  const arbitrary = new SchemaArbitraryCompiler(context, overrides, options.maxItems ?? DEFAULT_MAX_ITEMS).compile(schema, path);
  overrides.assertAllUsed(typeof root.title === 'string' ? root.title : 'the schema');
  return arbitrary;
}

/**
 * Compiled arbitraries of catalog schemas, by schema and pointer: arbitraries are immutable, and compiling one costs
 * up to tens of milliseconds (fast-check turns each `pattern` into a generator), which generators that draw single
 * fields (a region, a bucket name) would otherwise pay at every call. Calls with options (overrides) compile anew.
 */
const compiled = new Map<string, fc.Arbitrary<unknown>>();

function cachedWithoutOptions(key: string, options: SchemaArbitraryOptions, compile: () => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (Object.keys(options).length > 0) return compile();
  const cached = compiled.get(key);
  if (cached) return cached;
  const arbitrary = compile();
  compiled.set(key, arbitrary);
  return arbitrary;
}

/**
 * Values that always validate against `schema` (draft-07, the keywords fc-sim's schemas use): the base of every generator.
 *
 * @example
 * ```ts
 * const tablestoreConfigs = schemaArbitrary(loadSchema('tablestore-trigger-config'));
 * fc.assert(fc.property(tablestoreConfigs, (config) => validate('tablestore-trigger-config', config).valid));
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#property-based-contract-tests
 */
export function schemaArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return compileChecked(schema, schema, [], new OverrideTable(options.overrides), options);
}

/**
 * {@link schemaArbitrary} for a catalog schema, typed as the schema's TypeScript type.
 *
 * @example
 * ```ts
 * const contexts = arbitraryFor('context-fc3'); // fc.Arbitrary<Fc3Context>
 * const [context] = fc.sample(contexts, 1);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/user-guide/context
 * @see README.md#property-based-contract-tests
 */
export function arbitraryFor<N extends SchemaName>(name: N, options: SchemaArbitraryOptions = {}): fc.Arbitrary<SchemaTypes[N]> {
  return cachedWithoutOptions(`${name}#`, options, () => schemaArbitrary(loadSchema(name), options)) as fc.Arbitrary<SchemaTypes[N]>;
}

/**
 * The arbitrary of the value at an instance pointer (e.g. '/events/0/eventName', '/requestContext/http/method'), following properties, items and $ref — for generators that draw single fields from the schema.
 *
 * @example
 * ```ts
 * const methods = arbitraryAt('http', '/requestContext/http/method') as fc.Arbitrary<HttpMethod>;
 * const requests = methods.map((method) => buildHttpEvent({ method }));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#property-based-contract-tests
 */
export function arbitraryAt(name: SchemaName, instancePointer: string, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return cachedWithoutOptions(`${name}#${instancePointer}`, options, () => compileAt(name, instancePointer, options));
}

function compileAt(name: SchemaName, instancePointer: string, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const root = loadSchema(name);
  const segments = parseInstancePointer(instancePointer);
  const schema = subschemaAt(new SchemaContext(root), root, segments);
  if (schema === undefined)
    throw new FcSimError('E_USAGE', `the ${name} schema describes no value at ${JSON.stringify(instancePointer)}`, `fc-sim schema ${name} shows its fields`);
  return compileChecked(root, schema, segments, new OverrideTable(options.overrides).within(segments), options);
}
