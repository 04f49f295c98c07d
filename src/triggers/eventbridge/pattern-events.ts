import fc from 'fast-check';
import { isJsonObject } from '../../io/json-values.js';
import type { Condition, EventPattern, PatternLeaf } from './pattern.js';
import { ipv4Text, leafMatches, patternMatches, satisfies } from './pattern.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * Events that pass a filter pattern and events it turns away, drawn from a source's own events: each leaf of the
 * pattern edits its field of a drawn event, keeping the value when it already passes (so the event stays as coherent
 * as the source made it) and otherwise writing one that passes (or, for rejected events, one that fails). Fields the
 * trigger's config fixes (the queue, the topic) are never edited: the filter decides on them as they are.
 */

const REMOVE = Symbol('remove');
/** A change of one field given its current value: the new value, or REMOVE. */
type Edit = (current: unknown) => unknown;

const word = matching(/^[a-z0-9]{0,6}$/);

/** A number within the bounds: a whole one when there is one, else the middle of the range. */
function inRange(condition: Extract<Condition, { op: 'numeric' }>): fc.Arbitrary<number> {
  let low = -1e6;
  let high = 1e6;
  for (const { comparison, value } of condition.bounds) {
    if (comparison === '=') return fc.constant(value);
    if (comparison === '>') low = Math.max(low, Math.floor(value) + 1);
    if (comparison === '>=') low = Math.max(low, Math.ceil(value));
    if (comparison === '<') high = Math.min(high, Math.ceil(value) - 1);
    if (comparison === '<=') high = Math.min(high, Math.floor(value));
  }
  if (low <= high) return fc.integer({ min: low, max: high });
  const [first, second] = condition.bounds;
  return fc.constant(((first?.value ?? 0) + (second?.value ?? first?.value ?? 0)) / 2);
}

/** Edits that make a field satisfy one condition (kept as it is when it does). */
function satisfying(condition: Condition): fc.Arbitrary<Edit> {
  const keepOr =
    (value: unknown): Edit =>
    (current) =>
      current !== undefined && satisfies(current, condition) ? current : value;
  switch (condition.op) {
    case 'equals':
      return fc.constant(() => condition.value);
    case 'prefix':
      return word.map((rest) => keepOr(condition.value + rest));
    case 'suffix':
      return word.map((rest) => keepOr(rest + condition.value));
    case 'contains':
      return fc.tuple(word, word).map(([before, after]) => keepOr(before + condition.value + after));
    case 'anything-but': {
      const numbers = condition.values.filter((value): value is number => typeof value === 'number');
      const other = numbers.length === condition.values.length ? Math.max(...numbers) + 1 : `not-${condition.values.join('-')}`;
      return fc.constant(keepOr(other));
    }
    case 'anything-but-prefix':
      return word.map((rest) => keepOr(`~${rest}`));
    case 'anything-but-suffix':
      return word.map((rest) => keepOr(`${rest}~`));
    case 'numeric':
      return inRange(condition).map(keepOr);
    case 'cidr': {
      const size = 2 ** (32 - condition.bits);
      const base = Math.floor(condition.network / size) * size;
      return fc.integer({ min: 0, max: size - 1 }).map((offset) => keepOr(ipv4Text(base + offset)));
    }
    case 'exists':
      return fc.constant(condition.value ? (current: unknown) => current ?? 'fc-sim' : () => REMOVE);
  }
}

/** Edits that make a field fail one condition (the leaf's other conditions are checked by the caller). */
function failing(condition: Condition): fc.Arbitrary<Edit> {
  const set =
    (value: unknown): Edit =>
    () =>
      value;
  switch (condition.op) {
    case 'equals':
      return fc.constant(set(typeof condition.value === 'number' ? condition.value + 1 : `${String(condition.value)}-other`));
    case 'prefix':
      return word.map((rest) => set(`~${condition.value}${rest}`));
    case 'suffix':
      return word.map((rest) => set(`${rest}${condition.value}~`));
    case 'contains':
      return fc.constant(set(''));
    case 'anything-but':
      return fc.constantFrom(...condition.values).map(set);
    case 'anything-but-prefix':
      return word.map((rest) => set(condition.value + rest));
    case 'anything-but-suffix':
      return word.map((rest) => set(rest + condition.value));
    case 'numeric': {
      const values = condition.bounds.flatMap(({ value }) => [value - 1, value + 1]);
      return fc.constantFrom(...values).map(set);
    }
    case 'cidr': {
      const size = 2 ** (32 - condition.bits);
      return fc.constant(set(ipv4Text((Math.floor(condition.network / size) * size + size) % 2 ** 32)));
    }
    case 'exists':
      return fc.constant(condition.value ? set(REMOVE) : set('fc-sim'));
  }
}

/** A copy of the event with the field at `path` changed (objects on the way created as needed). */
function edited(event: unknown, path: readonly string[], edit: Edit): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return edit(event);
  const object = isJsonObject(event) ? event : {};
  const next = rest.length === 0 ? edit(object[key]) : edited(object[key], rest, edit);
  const { [key]: _old, ...others } = object;
  return next === REMOVE ? others : { ...object, [key]: next };
}

const applyEdits = (event: unknown, edits: readonly (readonly [PatternLeaf, Edit])[]) => edits.reduce((at, [leaf, edit]) => edited(at, leaf.path, edit), event);

/** Whether the config fixes the leaf's field (or a field above it): the filter then decides on it as it is. */
const isPinned = (leaf: PatternLeaf, pinned: readonly string[]) =>
  pinned.some((path) => leaf.path.join('.') === path || leaf.path.join('.').startsWith(`${path}.`));

/** A leaf's edit: one of its conditions, satisfied. */
const leafEdit = (leaf: PatternLeaf) => fc.oneof(...leaf.conditions.map(satisfying)).map((edit) => [leaf, edit] as const);

/** The source's events edited to pass the pattern's free leaves (unfiltered: the pinned leaves still decide). */
export function towardsPattern<E>(events: fc.Arbitrary<E>, pattern: EventPattern, pinned: readonly string[]): fc.Arbitrary<E> {
  const free = pattern.leaves.filter((leaf) => !isPinned(leaf, pinned));
  if (free.length === 0) return events;
  return fc.tuple(events, fc.tuple(...free.map(leafEdit))).map(([event, edits]) => applyEdits(event, edits) as E);
}

/** The source's events that pass the pattern. */
export function matchingPattern<E>(events: fc.Arbitrary<E>, pattern: EventPattern, pinned: readonly string[]): fc.Arbitrary<E> {
  return towardsPattern(events, pattern, pinned).filter((event) => patternMatches(pattern, event));
}

/** Of the pattern's leaves, the one most often failed by these events: what a "lets nothing through" message names. */
export function blockingLeaf(pattern: EventPattern, events: readonly unknown[]): PatternLeaf | undefined {
  let worst: { leaf: PatternLeaf; failures: number } | undefined;
  for (const leaf of pattern.leaves) {
    const failures = events.filter((event) => !leafMatches(leaf, event)).length;
    if (failures > 0 && (!worst || failures > worst.failures)) worst = { leaf, failures };
  }
  return worst?.leaf;
}

/**
 * Events the pattern turns away, one way per free leaf: the other leaves passed, this one failed. Undefined when
 * every leaf is pinned by the config (nothing of the source's own the filter could turn away) or the pattern is `{}`.
 */
export function rejectedByPattern<E>(
  events: fc.Arbitrary<E>,
  pattern: EventPattern,
  pinned: readonly string[],
): { arbitrary: fc.Arbitrary<E>; reasons: string[] } | undefined {
  const free = pattern.leaves.filter((leaf) => !isPinned(leaf, pinned));
  if (free.length === 0) return undefined;
  const ways = free.map((leaf) => {
    const others = free.filter((other) => other !== leaf);
    const breaking = fc
      .oneof(
        ...leaf.conditions.map(failing),
        fc.constant<Edit>(() => REMOVE),
      )
      .map((edit) => [leaf, edit] as const);
    return fc
      .tuple(events, fc.tuple(...others.map(leafEdit)), breaking)
      .map(([event, edits, broken]) => applyEdits(event, [...edits, broken]) as E)
      .filter((event) => !leafMatches(leaf, event));
  });
  return { arbitrary: fc.oneof(...ways), reasons: free.map((leaf) => `${leaf.path.join('.')} outside ${JSON.stringify(valueOfLeaf(leaf))}`) };
}

/** A leaf as the pattern wrote it, for messages. */
function valueOfLeaf(leaf: PatternLeaf): unknown[] {
  return leaf.conditions.map((condition) => {
    switch (condition.op) {
      case 'equals':
        return condition.value;
      case 'anything-but':
        return { 'anything-but': condition.values };
      case 'anything-but-prefix':
        return { 'anything-but': { prefix: condition.value } };
      case 'anything-but-suffix':
        return { 'anything-but': { suffix: condition.value } };
      case 'numeric':
        return { numeric: condition.bounds.flatMap(({ comparison, value }) => [comparison, value]) };
      case 'cidr':
        return { cidr: condition.text };
      default:
        return { [condition.op]: condition.value };
    }
  });
}
