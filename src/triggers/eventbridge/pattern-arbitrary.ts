import fc from 'fast-check';
import { isJsonObject } from '../../io/json-values.js';

/**
 * EventBridge patterns over the fields of a sample event, one or two leaves each, in every operator's form: what
 * configs drawn for tests filter with. Built from the sample's own values, so that most let some events through
 * and reject others; `{}` lets everything through.
 */

interface Field {
  path: string[];
  value: string | number | boolean | null;
}

function fieldsOf(value: unknown, path: string[] = []): Field[] {
  if (Array.isArray(value)) return fieldsOf(value[0], path);
  if (isJsonObject(value)) return Object.entries(value).flatMap(([key, item]) => fieldsOf(item, [...path, key]));
  return typeof value === 'object' && value !== null ? [] : [{ path, value: value as Field['value'] }];
}

const isIpv4 = (text: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(text);

/** The conditions a field's sample value suggests: equal to it, a part of it, not another value, a range, a block. */
function conditionsFor(field: Field): fc.Arbitrary<unknown[]> {
  const { value } = field;
  const forms: fc.Arbitrary<unknown[]>[] = [fc.constant([value]), fc.constant([{ exists: true }]), fc.constant([{ exists: false }])];
  if (typeof value === 'string' && value.length > 0) {
    forms.push(
      fc.integer({ min: 1, max: value.length }).map((length) => [{ prefix: value.slice(0, length) }]),
      fc.integer({ min: 1, max: value.length }).map((length) => [{ suffix: value.slice(-length) }]),
      fc.constant([{ contains: value.slice(Math.floor(value.length / 3), Math.ceil((2 * value.length) / 3)) }]),
      fc.constant([{ 'anything-but': `${value}-other` }]),
      fc.constant([{ 'anything-but': { prefix: `${value}~` } }]),
      fc.constant(['another-value', value]),
    );
    if (isIpv4(value)) forms.push(fc.constantFrom(8, 16, 24, 32).map((bits) => [{ cidr: `${value}/${bits}` }]));
  }
  if (typeof value === 'number') {
    forms.push(
      fc.constant([{ numeric: ['>=', value - 10, '<', value + 10] }]),
      fc.constant([{ numeric: ['>', value] }]),
      fc.constant([{ 'anything-but': value + 1 }]),
    );
  }
  return fc.oneof(...forms);
}

function nest(path: readonly string[], leaf: unknown, into: Record<string, unknown>): Record<string, unknown> {
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...into, [key]: leaf };
  const inner = isJsonObject(into[key]) ? (into[key] as Record<string, unknown>) : {};
  return { ...into, [key]: nest(rest, leaf, inner) };
}

/** Pattern texts (JSON strings) over the sample event's fields. */
export function patternTexts(sample: unknown): fc.Arbitrary<string> {
  const fields = fieldsOf(sample).filter((field) => field.path.length > 0);
  const leaf = fc.constantFrom(...fields).chain((field) => conditionsFor(field).map((conditions) => [field.path, conditions] as const));
  return fc.oneof(
    fc.constant('{}'),
    fc
      .array(leaf, { minLength: 1, maxLength: 2 })
      .map((leaves) => JSON.stringify(leaves.reduce<Record<string, unknown>>((pattern, [path, conditions]) => nest(path, conditions, pattern), {}))),
  );
}
