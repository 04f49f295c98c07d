import { TriggerConfigError } from '../../errors.js';
import { isJsonObject } from '../../io/json-values.js';

/**
 * EventBridge's event pattern language, as Alibaba Cloud documents it
 * (https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns): a JSON object with the nesting of
 * the events it matches, whose leaves are lists of values or operators. Keys are ANDed, the items of a list ORed; an
 * event field that is a list matches when one of its items does.
 *
 * No npm library evaluates this dialect: the one maintained matcher on npm is AWS's, inside a Serverless Framework
 * plugin (serverless-offline-aws-eventbridge, with an MQTT broker and the AWS SDK as dependencies), and Alibaba's
 * dialect differs (`contains`, IPv4-only `cidr`). So fc-sim reads it here.
 */

export type Scalar = string | number | boolean | null;

export type Condition =
  | { readonly op: 'equals'; readonly value: Scalar }
  | { readonly op: 'prefix' | 'suffix' | 'contains'; readonly value: string }
  | { readonly op: 'anything-but'; readonly values: readonly (string | number)[] }
  | { readonly op: 'anything-but-prefix' | 'anything-but-suffix'; readonly value: string }
  | { readonly op: 'numeric'; readonly bounds: readonly NumericBound[] }
  | { readonly op: 'cidr'; readonly network: number; readonly bits: number; readonly text: string }
  | { readonly op: 'exists'; readonly value: boolean };

export interface NumericBound {
  readonly comparison: '<' | '<=' | '=' | '>' | '>=';
  readonly value: number;
}

/** One leaf of a pattern: the field's path from the event root, and the conditions of which one must hold. */
export interface PatternLeaf {
  readonly path: readonly string[];
  readonly conditions: readonly Condition[];
}

/**
 * A trigger's `eventRuleFilterPattern`, read: its text and its leaves (a field's path and the conditions of which one
 * must hold).
 *
 * @example
 * ```ts
 * const pattern: EventPattern = parsePattern('{"source":["acs.oss"],"data":{"size":[{"numeric":[">",0]}]}}');
 * const fields = pattern.leaves.map((leaf) => leaf.path.join('.'));
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns
 */
export interface EventPattern {
  readonly text: string;
  readonly leaves: readonly PatternLeaf[];
}

export const PATTERN_OPERATORS = ['prefix', 'suffix', 'contains', 'anything-but', 'numeric', 'cidr', 'exists'] as const;

const COMPARISONS = new Set(['<', '<=', '=', '>', '>=']);

class PatternProblem extends Error {}

function problem(path: readonly string[], message: string): never {
  throw new PatternProblem(`${path.length === 0 ? 'the pattern' : path.join('.')}: ${message}`);
}

function ipv4(text: string): number | undefined {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!parts) return undefined;
  const octets = parts.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((address, octet) => address * 256 + octet, 0);
}

function numericBounds(path: readonly string[], spec: unknown): NumericBound[] {
  if (!Array.isArray(spec) || spec.length === 0 || spec.length % 2 !== 0 || spec.length > 4) {
    problem(path, 'numeric takes one or two comparisons, e.g. {"numeric": [">", 0, "<=", 5]}');
  }
  const bounds: NumericBound[] = [];
  for (let at = 0; at < spec.length; at += 2) {
    const [comparison, value] = [spec[at], spec[at + 1]];
    if (typeof comparison !== 'string' || !COMPARISONS.has(comparison)) problem(path, `numeric: ${JSON.stringify(comparison)} is not one of <, <=, =, >, >=`);
    if (typeof value !== 'number' || !Number.isFinite(value)) problem(path, `numeric: ${JSON.stringify(value)} is not a number`);
    bounds.push({ comparison: comparison as NumericBound['comparison'], value });
  }
  return bounds;
}

function condition(path: readonly string[], item: unknown): Condition {
  if (!isJsonObject(item)) {
    if (Array.isArray(item)) problem(path, 'a list inside the list: write the values in one list');
    return { op: 'equals', value: item as Scalar };
  }
  const keys = Object.keys(item);
  if (keys.length !== 1) problem(path, `an operator object has one key, got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  const [op] = keys as [string];
  const spec = item[op];
  switch (op) {
    case 'prefix':
    case 'suffix':
    case 'contains':
      if (typeof spec !== 'string') problem(path, `${op} takes a string`);
      return { op, value: spec };
    case 'anything-but':
      if (isJsonObject(spec)) {
        const [inner, ...more] = Object.keys(spec);
        if (more.length === 0 && (inner === 'prefix' || inner === 'suffix') && typeof spec[inner] === 'string')
          return { op: `anything-but-${inner}`, value: spec[inner] };
        problem(path, 'anything-but takes a value, a list of values, or {"prefix": …} / {"suffix": …}');
      }
      {
        const values = Array.isArray(spec) ? spec : [spec];
        if (values.length === 0 || !values.every((value) => typeof value === 'string' || typeof value === 'number'))
          problem(path, 'anything-but takes strings or numbers');
        return { op, values: values as (string | number)[] };
      }
    case 'numeric':
      return { op, bounds: numericBounds(path, spec) };
    case 'cidr': {
      const [address, bits, ...rest] = typeof spec === 'string' ? spec.split('/') : [];
      const network = ipv4(address ?? '');
      const size = Number(bits);
      if (network === undefined || rest.length > 0 || !/^\d{1,2}$/.test(bits ?? '') || size > 32)
        problem(path, `cidr takes an IPv4 block such as "10.0.0.0/24", got ${JSON.stringify(spec)}`);
      return { op, network, bits: size, text: spec as string };
    }
    case 'exists':
      if (typeof spec !== 'boolean') problem(path, 'exists takes true or false');
      return { op, value: spec };
    default:
      problem(path, `unknown operator "${op}" (EventBridge has ${PATTERN_OPERATORS.join(', ')})`);
  }
}

function leavesOf(node: Record<string, unknown>, path: readonly string[]): PatternLeaf[] {
  return Object.entries(node).flatMap(([key, value]): PatternLeaf[] => {
    const at = [...path, key];
    if (isJsonObject(value)) return leavesOf(value, at);
    if (!Array.isArray(value)) problem(at, `must be a list of values or operators, e.g. ${JSON.stringify({ [key]: [value] })}`);
    if (value.length === 0) problem(at, 'an empty list matches no event');
    return [{ path: at, conditions: value.map((item) => condition(at, item)) }];
  });
}

/**
 * Reads a trigger's `eventRuleFilterPattern` (a JSON string). A pattern that is not JSON, not an object, or uses an
 * operator EventBridge does not have is an `E_CONFIG` error naming the field and, given the `site`, where it was
 * written (`s.yaml resources.app.props.triggers[0].triggerConfig`).
 *
 * @example
 * ```ts
 * const pattern = parsePattern('{"type":["mns:Queue:SendMessage"],"data":{"messageBody":[{"prefix":"order:"}]}}');
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns
 */
export function parsePattern(text: string, site?: string): EventPattern {
  const field = `${site ? `${site}: ` : ''}eventRuleFilterPattern`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TriggerConfigError(
      `${field} is not JSON: ${(error as Error).message}`,
      `write the pattern as a JSON object in a string, e.g. eventRuleFilterPattern: '{"source":["acs.oss"]}' ('{}' matches every event)`,
    );
  }
  if (!isJsonObject(value))
    throw new TriggerConfigError(
      `${field} must be a JSON object, got ${JSON.stringify(value)}`,
      `e.g. '{"type":["mns:Queue:SendMessage"]}', or '{}' for every event`,
    );
  try {
    return { text, leaves: leavesOf(value, []) };
  } catch (error) {
    if (!(error instanceof PatternProblem)) throw error;
    throw new TriggerConfigError(
      `${field}: ${error.message}`,
      'see https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns for the operators',
    );
  }
}

/** The value at a path, undefined where the event has none. */
export function valueAt(event: unknown, path: readonly string[]): unknown {
  let at: unknown = event;
  for (const key of path) {
    if (!isJsonObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

function withinBounds(value: number, bounds: readonly NumericBound[]): boolean {
  const holds: Readonly<Record<NumericBound['comparison'], (bound: number) => boolean>> = {
    '<': (bound) => value < bound,
    '<=': (bound) => value <= bound,
    '=': (bound) => value === bound,
    '>': (bound) => value > bound,
    '>=': (bound) => value >= bound,
  };
  return bounds.every(({ comparison, value: bound }) => holds[comparison](bound));
}

/** Whether one (non-list) value of a present field satisfies a condition other than `exists`. */
export function satisfies(value: unknown, condition: Condition): boolean {
  switch (condition.op) {
    case 'equals':
      return value === condition.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(condition.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(condition.value);
    case 'contains':
      return typeof value === 'string' && value.includes(condition.value);
    case 'anything-but':
      return (typeof value === 'string' || typeof value === 'number') && !condition.values.includes(value);
    case 'anything-but-prefix':
      return typeof value === 'string' && !value.startsWith(condition.value);
    case 'anything-but-suffix':
      return typeof value === 'string' && !value.endsWith(condition.value);
    case 'numeric':
      return typeof value === 'number' && withinBounds(value, condition.bounds);
    case 'cidr': {
      const address = typeof value === 'string' ? ipv4(value) : undefined;
      const size = 2 ** (32 - condition.bits);
      return address !== undefined && Math.floor(address / size) === Math.floor(condition.network / size);
    }
    case 'exists':
      return condition.value;
  }
}

/** Whether an event's field passes a leaf: `exists` looks at presence, the rest at the value (any item of a list). */
export function leafMatches(leaf: PatternLeaf, event: unknown): boolean {
  const value = valueAt(event, leaf.path);
  return leaf.conditions.some((condition) => {
    if (condition.op === 'exists') return condition.value === (value !== undefined);
    if (value === undefined) return false;
    return Array.isArray(value) ? value.some((item) => satisfies(item, condition)) : satisfies(value, condition);
  });
}

/**
 * Whether EventBridge lets the event through the pattern: every leaf passes, each by one of its conditions.
 *
 * @example
 * ```ts
 * const pattern = parsePattern('{"data":{"partition":[{"numeric":[">=",0,"<",4]}]}}');
 * const passing = (buildKafkaEvent({ batch: 3 }) as KafkaEvent[]).filter((record) => patternMatches(pattern, record));
 * ```
 * @see https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns
 */
export function patternMatches(pattern: EventPattern, event: unknown): boolean {
  return pattern.leaves.every((leaf) => leafMatches(leaf, event));
}

/** The address of a 32-bit number, `10.0.0.1`. */
export function ipv4Text(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
