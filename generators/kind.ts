import fc from 'fast-check';
import { kindArbitrary, type EventKind } from '../src/triggers/registry.js';

export { kindArbitrary };

export interface KindSampleOptions {
  seed: number;
  count: number;
  /** HTTP kinds: the FC 2.0 request instead of the FC 3.0 event. */
  fc2?: boolean;
}

/** `count` events of a kind, the same ones for the same seed. */
export function sampleKind(kind: EventKind, fixed: Record<string, unknown>, options: KindSampleOptions): unknown[] {
  return fc.sample(kindArbitrary(kind, fixed, options), { seed: options.seed, numRuns: options.count });
}
