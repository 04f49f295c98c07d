import type fc from 'fast-check';
import type { ConstraintsOf, EventOf, TriggerId } from '../triggers/modules.js';
import { triggerModule } from '../triggers/modules.js';

/**
 * A trigger's events within the constraints, typed by the trigger: `eventArbitrary('oss')` draws `OssEvent`s. For
 * `@fast-check/vitest`'s `test.prop`, whose parameters then have the event's type.
 *
 * @example
 * ```ts
 * const uploads = eventArbitrary('oss', { keyPrefix: 'uploads/' });
 * fc.assert(fc.property(uploads, (event) => event.events[0].oss.object.key.startsWith('uploads/')));
 * ```
 * @see README.md#typed-handlers-and-properties
 */
export function eventArbitrary<Id extends TriggerId>(trigger: Id, constraints?: ConstraintsOf<Id>): fc.Arbitrary<EventOf<Id>> {
  // The module of `trigger` draws what its builder builds: EventOf<Id>, which the registry's lookup cannot carry.
  return triggerModule(trigger).arbitrary(constraints) as fc.Arbitrary<EventOf<Id>>;
}
