import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawEvents } from '../../src/cli/draw-events.js';
import { ossEvent } from '../../generators/index.js';

function all<T>(values: Iterable<T>, limit = Infinity): T[] {
  const taken: T[] = [];
  for (const value of values) {
    taken.push(value);
    if (taken.length >= limit) break;
  }
  return taken;
}

describe('drawEvents', () => {
  it('draws what fc.sample draws for the same seed and count, in order', () => {
    const arbitrary = ossEvent();
    for (const seed of [1, -7, 2 ** 31 + 5, 0.5]) expect(all(drawEvents(fc, arbitrary, seed, 300))).toEqual(fc.sample(arbitrary, { seed, numRuns: 300 }));
  });

  it('stops drawing when the consumer stops, however many were asked for', () => {
    let drawn = 0;
    const counted = fc.nat().map((value) => {
      drawn += 1;
      return value;
    });
    expect(all(drawEvents(fc, counted, 1, 100_000_000), 10)).toHaveLength(10);
    expect(drawn).toBe(10);
  });

  it("passes on an arbitrary's error", () => {
    const failing = fc.nat().map(() => {
      throw new Error('no event');
    });
    expect(() => all(drawEvents(fc, failing, 1, 5))).toThrow('no event');
  });
});
