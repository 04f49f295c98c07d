import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matching } from '../../../generators/internal/matching.js';
import { charString, patternParts } from '../../../generators/internal/pattern-string.js';

const PATTERNS = [
  '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$',
  '^x-oss-meta-[a-z0-9-]+$',
  '^\\d+$',
  '^[A-Za-z_][A-Za-z0-9_]{0,254}$',
  "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$",
  '^acs:oss:[a-z0-9-]+:\\w+$',
  '^[0-9A-F]{16}-1-[0-9A-F]{11}$',
  '^[a-z]{2,}(-[a-z0-9]+)+$',
  '^http://[a-z]{2,}(-[a-z0-9]+)+-intranet\\.log\\.aliyuncs\\.com$',
  '^HTTP/[0-9](\\.[0-9])?$',
  '^alikafka_(?:po|pr)-cn-[a-z0-9]{12}$',
];

/** The smallest failing value fast-check shrinks to, seed 3. */
const shrunk = <T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean) => fc.check(fc.property(arbitrary, holds), { seed: 3 }).counterexample?.[0];

describe('patternParts', () => {
  it('reads patterns of characters, escapes, positive classes and quantifiers, and leaves the others to fc.stringMatching', () => {
    expect(patternParts(/^x-oss-meta-[a-z0-9-]+$/u)).toEqual([
      { text: 'x-oss-meta-' },
      {
        ranges: [
          [0x61, 0x7a],
          [0x30, 0x39],
          [0x2d, 0x2d],
        ],
        min: 1,
        max: Number.POSITIVE_INFINITY,
      },
    ]);
    expect(patternParts(/^[a-z]{2,}(-[a-z0-9]+)+$/u)).toEqual([
      { ranges: [[0x61, 0x7a]], min: 2, max: Number.POSITIVE_INFINITY },
      {
        group: [
          { text: '-' },
          {
            ranges: [
              [0x61, 0x7a],
              [0x30, 0x39],
            ],
            min: 1,
            max: Number.POSITIVE_INFINITY,
          },
        ],
        min: 1,
        max: Number.POSITIVE_INFINITY,
      },
    ]);
    for (const other of [/^(post|pre)$/u, /^(?=a)b$/u, /^[^A-Z]*$/u, /^\//u, /^a|b$/u, /^.+$/u, /^\s*$/u, /[a-z]+/u, /^a$/iu]) {
      expect(patternParts(other)).toBeUndefined();
    }
  });
});

describe('matching', () => {
  it('draws strings that match the pattern, the same for the same seed', () => {
    for (const source of PATTERNS) {
      const pattern = new RegExp(source, 'u');
      const strings = matching(pattern);
      const drawn = fc.sample(strings, { seed: 4, numRuns: 300 });
      expect(drawn.filter((value) => !pattern.test(value))).toEqual([]);
      expect(new Set(drawn).size).toBeGreaterThan(60);
      expect(fc.sample(strings, { seed: 4, numRuns: 300 })).toEqual(drawn);
    }
  });

  it('shrinks to the shortest string of the first characters that still fails', () => {
    const bucket = matching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/u);
    expect(shrunk(bucket, (name) => name.length < 8)).toBe('aaaaaaaa');
    expect(shrunk(bucket, (name) => !name.includes('q'))).toBe('aqa');
    const region = matching(/^[a-z]{2,}(-[a-z0-9]+)+$/u);
    expect(shrunk(region, (id) => id.split('-').length < 3)).toBe('aa-a-a');
    expect(shrunk(region, (id) => !/[0-9]/.test(id))).toBe('aa-0');
  });

  it('draws the shortest and longer stretches', () => {
    const lengths = fc.sample(charString('ab', 0, 4), { seed: 1, numRuns: 500 }).map((value) => value.length);
    expect(new Set(lengths)).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});
