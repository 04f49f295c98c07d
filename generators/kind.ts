import fc from 'fast-check';
import type { EventKind } from '../src/triggers/modules.js';
import { kindArbitrary } from '../src/triggers/modules.js';

export { kindArbitrary };

/**
 * How many events {@link sampleKind} draws, from which seed, and whether HTTP kinds are FC 2.0 requests.
 *
 * @example
 * ```ts
 * const options: KindSampleOptions = { seed: 42, count: 100, fc2: true };
 * const requests = sampleKind(findKind('http:post')!, { path: '/users' }, options);
 * ```
 * @see README.md#print-an-event
 */
export interface KindSampleOptions {
  seed: number;
  count: number;
  /** HTTP kinds: the FC 2.0 request instead of the FC 3.0 event. */
  fc2?: boolean;
}

/**
 * `count` events of a kind, the same ones for the same seed: what `fc-sim oss:put --count 100 --seed 42` prints.
 *
 * @example
 * ```ts
 * const events = sampleKind(findKind('oss:put')!, { bucket: 'photos' }, { seed: 42, count: 100 });
 * ```
 * @see README.md#print-an-event
 */
export function sampleKind(kind: EventKind, fixed: Record<string, unknown>, options: KindSampleOptions): unknown[] {
  return fc.sample(kindArbitrary(kind, fixed, options), { seed: options.seed, numRuns: options.count });
}
