import fc from 'fast-check';
import type { PatternPart } from './pattern-string.js';
import { lazily } from './lazy.js';
import { patternParts, patternString } from './pattern-string.js';

const compiled = new Map<string, fc.Arbitrary<string>>();

/** The longest string the parts allow. */
const longest = (parts: readonly PatternPart[]): number =>
  parts.reduce((total, part) => total + ('text' in part ? [...part.text].length : 'group' in part ? part.max * longest(part.group) : part.max), 0);

/**
 * `fc.stringMatching` without stack traces while it compiles: it refuses its dangerous strings against each character
 * class by throwing and catching errors, whose stack traces were most of its cost (4 of the schemas' patterns: 75 ms
 * → 10 ms). The same arbitrary, the same values.
 */
function stringMatchingWithoutStacks(pattern: RegExp, maxLength: number | undefined): fc.Arbitrary<string> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fc.stringMatching(pattern, maxLength === undefined ? {} : { maxLength });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Strings matching a pattern, compiled once per pattern. Patterns of characters, classes and quantifiers alone (bucket
 * names, `x-oss-meta-…` keys) are drawn character by character from the random source (pattern-string.ts: several
 * times faster, on every event); the others go to `fc.stringMatching`, whose regular expression → arbitraries tree
 * takes ~15 ms to build for `^dts[a-z0-9]{9}$`, more than drawing hundreds of values from it: generators built per call
 * (per trigger config, per constraint) would pay that at every call, and module constants at import, even in a CLI
 * run that draws nothing: so it is built when first drawn.
 */
export function matching(pattern: RegExp, maxLength?: number): fc.Arbitrary<string> {
  const key = `${pattern.flags}/${pattern.source}/${maxLength ?? ''}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const parts = patternParts(pattern);
  const arbitrary =
    parts && (maxLength === undefined || longest(parts) <= maxLength) ? patternString(parts) : lazily(() => stringMatchingWithoutStacks(pattern, maxLength));
  compiled.set(key, arbitrary);
  return arbitrary;
}
