import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazily } from '../../../generators/internal/lazy.js';

const failing = <T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean) => {
  const details = fc.check(fc.property(arbitrary, holds), { seed: 11 });
  return { counterexample: details.counterexample?.[0], path: details.counterexamplePath, shrinks: details.numShrinks };
};

describe('lazily', () => {
  it('builds nothing until a value is drawn, then builds once', () => {
    let builds = 0;
    const arbitrary = lazily(() => {
      builds += 1;
      return fc.nat();
    });
    const mapped = arbitrary.map((n) => n + 1);
    expect(builds).toBe(0);
    fc.sample(mapped, { seed: 1, numRuns: 20 });
    fc.sample(arbitrary, { seed: 2, numRuns: 20 });
    expect(builds).toBe(1);
  });

  it('draws, shrinks and replays as the arbitrary it stands for: same seed, same values, same counterexample and path', () => {
    const build = () => fc.record({ text: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), list: fc.array(fc.integer(), { maxLength: 6 }) });
    expect(fc.sample(lazily(build), { seed: 7, numRuns: 50 })).toEqual(fc.sample(build(), { seed: 7, numRuns: 50 }));
    const holds = (value: { text: string; list: number[] }) => !(value.text.includes('a') && value.list.length > 1);
    const direct = failing(build(), holds);
    expect(direct.counterexample).toBeDefined();
    expect(failing(lazily(build), holds)).toEqual(direct);
    // A value given by hand (a saved failure) shrinks without its context, as the built arbitrary's would.
    const value = { text: 'xax', list: [5, -3] };
    expect(lazily(build).canShrinkWithoutContext(value)).toBe(true);
    expect([...lazily(build).shrink(value, undefined).take(10)].map((shrunk) => shrunk.value)).toEqual(
      [...build().shrink(value, undefined).take(10)].map((shrunk) => shrunk.value),
    );
  });
});
