import type fc from 'fast-check';
import { FcSimError } from '../errors.js';
import type { Delivery } from '../triggers/delivery.js';
import type { HttpRequestConstraints } from '../triggers/http/arbitrary.js';
import { findKind, kindArbitrary, deliveryOfKind, triggerSource, type ConstraintsOf, type TriggerId } from '../triggers/registry.js';

/** Where events come from: a trigger with generator constraints, a named kind, or an arbitrary of your own. */
export type EventSource =
  | { [Id in TriggerId]: { trigger: Id; constraints?: ConstraintsOf<Id> } }[TriggerId]
  /** FC 2.0 HTTP handlers `(request, response, context)`. */
  | { trigger: 'fc2-http'; constraints?: HttpRequestConstraints }
  | { kind: string; fc2?: boolean }
  /** Your own events; `delivery` says how they reach the handler (default `event`: the bytes of the event). */
  | { arbitrary: fc.Arbitrary<unknown>; delivery?: Delivery };

export type TriggerName = Extract<EventSource, { trigger: string }>['trigger'];

/** The events of a source, and how each reaches the handler. */
export interface PreparedSource {
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
  delivery: Delivery;
}

export class UnknownKindError extends FcSimError {
  declare readonly code: 'E_UNKNOWN_KIND';
  constructor(message: string) {
    super('E_UNKNOWN_KIND', message);
    this.name = 'UnknownKindError';
  }
}

export function prepareSource(source: EventSource): PreparedSource {
  if ('arbitrary' in source) return { label: 'custom events', arbitrary: source.arbitrary, delivery: source.delivery ?? 'event' };
  if ('kind' in source) {
    const kind = findKind(source.kind);
    if (!kind) throw new UnknownKindError(`unknown event kind "${source.kind}" (fc-sim list shows them)`);
    const options = { fc2: source.fc2 ?? false };
    return { label: kind.name, arbitrary: kindArbitrary(kind, {}, options), delivery: deliveryOfKind(kind, options) };
  }
  const { arbitrary, delivery } = triggerSource(source.trigger, source.constraints);
  return { label: source.trigger, arbitrary, delivery };
}
