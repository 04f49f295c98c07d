import type fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';

/** fast-check's reading of a seed (QualifiedParameters' readSeed): an integer as is, a fraction folded into 32 bits. */
function seed32(seed: number): number {
  const integer = seed | 0;
  return seed === integer ? integer : integer ^ ((seed - integer) * 0x1_0000_0000);
}

/**
 * The values `fc.sample(arbitrary, { seed, numRuns: count })` returns, in the same order, each drawn when the consumer
 * asks for it: `--count 100000000` holds one event at a time and stops when the consumer stops. It walks the random
 * stream as fast-check's sampler does (its default generator, xorshift128plus from pure-rand, jumped before every
 * run, each run drawn with the bias of its index through a property), without the promise per value that running a
 * property with fc.check would cost; test/cli/draw-events.test.ts holds it to fc.sample.
 */
export function* drawEvents<T>(check: typeof fc, arbitrary: fc.Arbitrary<T>, seed: number, count: number): Generator<T> {
  const property = check.property(arbitrary, (_value: T) => true);
  const random = xorshift128plus(seed32(seed));
  for (let run = 0; run < count; run++) {
    random.jump();
    yield property.generate(new check.Random(random), run).value_[0];
  }
}
