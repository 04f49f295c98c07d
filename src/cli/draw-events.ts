import type fc from 'fast-check';

/** Values drawn ahead of the one in use: enough to keep the consumer busy, few enough to keep memory flat. */
const AHEAD = 256;

/**
 * The values `fc.sample(arbitrary, { seed, numRuns: count })` returns, in the same order, drawn as they are used:
 * fast-check's runner draws them (fc.check of a property that hands each value over and waits while the consumer is
 * behind), so that `--count 100000000` holds a few hundred events, not all of them, and stops when the consumer stops.
 */
export async function* drawEvents<T>(check: typeof fc, arbitrary: fc.Arbitrary<T>, seed: number, count: number): AsyncGenerator<T> {
  const drawn: T[] = [];
  let stopped = false;
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  const property = check.asyncProperty(arbitrary, async (value) => {
    if (stopped) return false;
    drawn.push(value);
    wake?.();
    if (drawn.length >= AHEAD) await new Promise<void>((resolve) => (resume = resolve));
    return !stopped;
  });
  // endOnFailure: a stop is reported as a failure, which must not be shrunk.
  const running = check.check(property, { seed, numRuns: count, endOnFailure: true }).then(
    (details) => {
      if (details.failed && !stopped) failure = 'errorInstance' in details ? details.errorInstance : new Error('fast-check stopped drawing events');
    },
    (error: unknown) => (failure = error),
  );
  void running.finally(() => {
    finished = true;
    wake?.();
  });
  try {
    for (;;) {
      if (drawn.length > 0) {
        const batch = drawn.splice(0);
        const waiting = resume;
        resume = undefined;
        waiting?.();
        yield* batch;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    if (failure !== undefined) throw failure;
  } finally {
    stopped = true;
    resume?.();
    await running;
  }
}
