import fc from 'fast-check';
import type { EventKind } from '../src/events/kinds.js';
import { cdnEvent, type CdnEventConstraints } from '../src/triggers/cdn/arbitrary.js';
import { fc2HttpRequest, httpEvent, type HttpRequestConstraints } from '../src/triggers/http/arbitrary.js';
import { mnsEvent, type MnsEventConstraints } from '../src/triggers/mns/arbitrary.js';
import { ossEvent, type OssEventConstraints } from '../src/triggers/oss/arbitrary.js';
import { slsEvent, type SlsEventConstraints } from '../src/triggers/sls/arbitrary.js';
import { timerEvent, type TimerEventConstraints } from '../src/triggers/timer/arbitrary.js';

export interface KindSampleOptions {
  seed: number;
  count: number;
  /** HTTP kinds: the FC 2.0 request instead of the FC 3.0 event. */
  fc2?: boolean;
}

/**
 * The generator of a named kind: the kind fixes what names it (the OSS eventName, the HTTP method, the MNS format)
 * unless `fixed` sets it; `fixed` (the user's flags) holds the rest; everything else is drawn. The kind's own
 * default values are not fixed: drawing is the point.
 */
export function kindArbitrary(kind: EventKind, fixed: Record<string, unknown>, options: { fc2?: boolean } = {}): fc.Arbitrary<unknown> {
  switch (kind.trigger) {
    case 'oss':
      return ossEvent({ ...(fixed.eventName ? {} : { eventNames: [kind.eventName] }), ...fixed } as OssEventConstraints);
    case 'cdn':
      return cdnEvent({ eventNames: [kind.eventName], ...fixed } as CdnEventConstraints);
    case 'http': {
      const constraints = { ...(fixed.method ? {} : { methods: [kind.method] }), ...fixed } as HttpRequestConstraints;
      return options.fc2 ? fc2HttpRequest(constraints) : httpEvent(constraints);
    }
    case 'mns':
      return mnsEvent({ formats: [kind.format], ...fixed } as MnsEventConstraints);
    case 'timer':
      return timerEvent(fixed as TimerEventConstraints);
    case 'sls':
      return slsEvent(fixed as SlsEventConstraints);
  }
}

/** `count` events of a kind, the same ones for the same seed. */
export function sampleKind(kind: EventKind, fixed: Record<string, unknown>, options: KindSampleOptions): unknown[] {
  return fc.sample(kindArbitrary(kind, fixed, options), { seed: options.seed, numRuns: options.count });
}
