import fc from 'fast-check';
import { FcSimError } from '../../src/errors.js';

/** The caller's fixed value when given, else the drawn one: how every builder parameter can be pinned. */
export function fixedOr<T>(fixed: T | undefined, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fixed === undefined ? arbitrary : fc.constant(fixed);
}

/** The entries whose value is defined: `{ bucket: undefined }` means "not constrained", not "no bucket". */
export function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Draws from `choices` when the caller narrowed them, else from `all`. */
export function narrowed<T>(choices: readonly T[] | undefined, all: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (choices === undefined) return all;
  if (choices.length === 0)
    throw new FcSimError('E_INVALID_PARAMS', 'an empty list of choices leaves nothing to draw', 'leave the list out to draw from every choice');
  return fc.constantFrom(...choices);
}

/** Mostly `undefined` (the builder's default), one time in `every` a drawn value; shrinks to `undefined`. */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ withCrossShrink: true }, { weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}
