import type fc from 'fast-check';
import type { Delivery } from '../triggers/delivery.js';
import type { fc2HttpCall, HttpRequestConstraints } from '../triggers/http/arbitrary.js';
import type { ConstraintsOf, EventOf, TriggerId } from '../triggers/modules.js';
import type { HttpTriggerEvent } from '../types/generated.js';
import type { Property } from './checks.js';

/**
 * The event of a kind's name: kinds are named after their trigger (`oss:put`, `timer`); `mns:queue` is the
 * EventBridge MNS queue source's, so an `mns:…` name gives either MNS event.
 */
type KindEventOf<Id extends TriggerId> = Id extends 'mns' ? EventOf<'mns'> | EventOf<'mns-queue'> : EventOf<Id>;

/** What an FC 2.0 HTTP handler is called with: the request and its body. */
type Fc2HttpCall = ReturnType<typeof fc2HttpCall> extends fc.Arbitrary<infer Call> ? Call : never;

// Each source names its events one way: the other ways' keys are absent (this tells the members apart).
type NotTrigger = { trigger?: undefined; constraints?: undefined };
type NotKind = { kind?: undefined; fc2?: undefined };
type NotArbitrary = { arbitrary?: undefined; delivery?: undefined; label?: undefined };

type TriggerSources = {
  [Id in Exclude<TriggerId, 'http'>]: { trigger: Id; constraints?: ConstraintsOf<Id>; property?: Property<EventOf<Id>> } & NotKind & NotArbitrary;
}[Exclude<TriggerId, 'http'>];

type KindSources = {
  [Id in Exclude<TriggerId, 'http' | 'mns-queue'>]: { kind: Id | `${Id}:${string}`; fc2?: boolean; property?: Property<KindEventOf<Id>> } & NotTrigger &
    NotArbitrary;
}[Exclude<TriggerId, 'http' | 'mns-queue'>];

/**
 * Where {@link checkHandler}'s events come from, with your property typed by them: the property of
 * `{ trigger: 'timer' }` receives a `TimerEvent`, of `{ kind: 'oss:put' }` an `OssEvent`, of `{ trigger: 'fc2-http' }`
 * (or `{ kind: 'http:post', fc2: true }`) an FC 2.0 request and its body, of `{ arbitrary }` what the arbitrary draws; a property
 * annotated with another event type does not compile. `trigger: 'http'` gives FC 3.0's HTTP events: for a function on
 * FC 2.0 (`runtime: { platform: 'fc2' }`) write `trigger: 'fc2-http'`.
 *
 * @example
 * ```ts
 * const nightly: TypedEventSource = { trigger: 'timer', property: (event) => event.triggerTime.length > 0 };
 * const puts: TypedEventSource = { kind: 'oss:put', property: (event) => event.events[0].oss.object.size >= 0 };
 * await checkHandler({ handler: 'index.handler', ...nightly });
 * ```
 * @see README.md#typed-handlers-and-properties
 */
export type TypedEventSource<E = unknown> =
  | TriggerSources
  | ({ trigger: 'http'; constraints?: ConstraintsOf<'http'>; property?: Property<HttpTriggerEvent> } & NotKind & NotArbitrary)
  | ({ trigger: 'fc2-http'; constraints?: HttpRequestConstraints; property?: Property<Fc2HttpCall> } & NotKind & NotArbitrary)
  | KindSources
  | ({ kind: `http:${string}`; fc2?: false; property?: Property<HttpTriggerEvent> } & NotTrigger & NotArbitrary)
  | ({ kind: `http:${string}`; fc2: true; property?: Property<Fc2HttpCall> } & NotTrigger & NotArbitrary)
  | ({ arbitrary: fc.Arbitrary<E>; delivery?: Delivery; label?: string; property?: Property<E> } & NotTrigger & NotKind);
