import fc from 'fast-check';
import { buildTimerEvent, type TimerEventParams } from '../src/events/timer.js';
import type { TimerEvent } from '../src/types/generated.js';
import { definedOnly, fixedOr } from './internal/params.js';
import { arbitraryAt } from './internal/schema-arbitrary.js';
import { asciiText, jsonText, multiByteText } from './internal/text.js';
import { instant } from './internal/time.js';

/** Fix any builder parameter (`{ triggerName: 'nightly' }`). */
export type TimerEventConstraints = Partial<TimerEventParams>;

/** The configured payload, passed verbatim: none (""), text, a JSON document as a string, or multi-byte text. */
function payload(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    fc.constant(''),
    asciiText(64),
    jsonText(),
    multiByteText(32),
  );
}

/** Timer trigger events: a whole-second UTC triggerTime, a triggerName the FC API accepts, a payload string. */
export function timerEvent(constraints: TimerEventConstraints = {}): fc.Arbitrary<TimerEvent> {
  const fixed = definedOnly(constraints);
  return fc
    .record({
      time: fixedOr(fixed.time, instant('second')),
      triggerName: fixedOr(fixed.triggerName, arbitraryAt('timer', '/triggerName') as fc.Arbitrary<string>),
      payload: fixedOr(fixed.payload, payload()),
    })
    .map(buildTimerEvent);
}
