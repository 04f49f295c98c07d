import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaTime, utcSeconds, utcSecondsWithMillis } from '../../../src/triggers/_shared/common.js';

/** What toISOString writes, cut to whole seconds: the forms the builders used before they formatted times themselves. */
const reference = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '');

describe('times as the events write them', () => {
  it('match toISOString to the second for any date, around the fast path’s ends too', () => {
    const edges = [0, 999, 1000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001, 8.64e15, -8.64e15];
    const instants = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 0, max: 4_102_444_800_000 }));
    fc.assert(
      fc.property(instants, (ms) => {
        const date = new Date(ms);
        expect(utcSeconds(date)).toBe(`${reference(date)}Z`);
        expect(utcSecondsWithMillis(date)).toBe(`${reference(date)}.000Z`);
        // Eight hours past the last valid date is no date.
        if (ms + 8 * 3600_000 <= 8.64e15) expect(chinaTime(date)).toBe(`${reference(new Date(ms + 8 * 3600_000))}+08:00`);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => utcSeconds(new Date(Number.NaN))).toThrow(RangeError);
  });
});
