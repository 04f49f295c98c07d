import fc from 'fast-check';

const compiled = new Map<string, fc.Arbitrary<string>>();

/**
 * `fc.stringMatching`, compiled once per pattern: fast-check turns a regular expression into a tree of arbitraries,
 * which takes ~15 ms for `^dts[a-z0-9]{9}$`, more than drawing hundreds of values from it. Generators built per call
 * (per trigger config, per constraint) would pay that at every call; module constants would pay it at import, even
 * in a CLI run that draws nothing.
 */
export function matching(pattern: RegExp, maxLength?: number): fc.Arbitrary<string> {
  const key = `${pattern.flags}/${pattern.source}/${maxLength ?? ''}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const arbitrary = fc.stringMatching(pattern, maxLength === undefined ? {} : { maxLength });
  compiled.set(key, arbitrary);
  return arbitrary;
}
