import fc from 'fast-check';

/** Stands for the arbitrary `build` returns, built on first use and then kept. */
class LazyArbitrary<T> extends fc.Arbitrary<T> {
  private built: fc.Arbitrary<T> | undefined;

  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }

  private get arbitrary(): fc.Arbitrary<T> {
    this.built ??= this.build();
    return this.built;
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.arbitrary.generate(random, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arbitrary.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arbitrary.shrink(value, context);
  }
}

/**
 * An arbitrary that costs nothing until a value is drawn: building some takes milliseconds (`fc.domain()` ~8 ms, a
 * string unit's table on its first use up to ~30 ms), which module constants would cost every process that imports
 * them, one that only prints an event too. Draws, shrinks and seeds are the built arbitrary's own.
 */
export const lazily = <T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T> => new LazyArbitrary(build);
