import type fc from 'fast-check';
import { FcSimError } from '../errors.js';
import { deliver as deliverAs, type Delivery } from '../triggers/delivery.js';
import type { HttpRequestConstraints } from '../triggers/http/arbitrary.js';
import { findKind, kindArbitrary, deliveryOfKind, triggerSource, type ConstraintsOf, type TriggerId } from '../triggers/registry.js';
import type { InvokeOptions } from '../runtime/instance.js';

/** Where events come from: a trigger with generator constraints, a named kind, or an arbitrary of your own. */
export type EventSource =
  | { [Id in TriggerId]: { trigger: Id; constraints?: ConstraintsOf<Id> } }[TriggerId]
  /** FC 2.0 HTTP handlers `(request, response, context)`. */
  | { trigger: 'fc2-http'; constraints?: HttpRequestConstraints }
  | { kind: string; fc2?: boolean }
  | { arbitrary: fc.Arbitrary<unknown>; http?: 'fc3' | 'fc2' };

export type TriggerName = Extract<EventSource, { trigger: string }>['trigger'];

/** The events of a source, and how each reaches the handler. */
export interface PreparedSource {
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
  http: 'fc3' | 'fc2' | undefined;
}

export class UnknownKindError extends FcSimError {
  declare readonly code: 'E_UNKNOWN_KIND';
  constructor(message: string) {
    super('E_UNKNOWN_KIND', message);
    this.name = 'UnknownKindError';
  }
}

const HTTP_OF_DELIVERY: Readonly<Record<Delivery, PreparedSource['http']>> = { event: undefined, 'fc3-http': 'fc3', 'fc2-http': 'fc2' };
const DELIVERY_OF_HTTP = { fc3: 'fc3-http', fc2: 'fc2-http' } as const;

export function prepareSource(source: EventSource): PreparedSource {
  if ('arbitrary' in source) return { label: 'custom events', arbitrary: source.arbitrary, http: source.http };
  if ('kind' in source) {
    const kind = findKind(source.kind);
    if (!kind) throw new UnknownKindError(`unknown event kind "${source.kind}" (fc-sim list shows them)`);
    const options = { fc2: source.fc2 ?? false };
    return { label: kind.name, arbitrary: kindArbitrary(kind, {}, options), http: HTTP_OF_DELIVERY[deliveryOfKind(kind, options)] };
  }
  const { arbitrary, delivery } = triggerSource(source.trigger, source.constraints);
  return { label: source.trigger, arbitrary, http: HTTP_OF_DELIVERY[delivery] };
}

/** The bytes FC hands the handler for an event of the source, and how it calls the handler. */
export function deliver(event: unknown, http: PreparedSource['http']): { bytes: Buffer; options: InvokeOptions } {
  return deliverAs(event, http === undefined ? 'event' : DELIVERY_OF_HTTP[http]);
}
