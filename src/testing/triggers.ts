import type fc from 'fast-check';
import { FcSimError } from '../errors.js';
import type { Platform } from '../runtime/runtimes.js';
import type { Delivery } from '../triggers/delivery.js';
import type { HttpRequestConstraints } from '../triggers/http/arbitrary.js';
import type { ConstraintsOf, TriggerId } from '../triggers/modules.js';
import { deliveryOfKind, findKind, isFc2SourceName, isTriggerId, kindArbitrary, sourceNameOn, triggerSource } from '../triggers/modules.js';

/**
 * Where events come from: a trigger with generator constraints, a named kind, or an arbitrary of your own.
 *
 * @example
 * ```ts
 * const uploads: EventSource = { trigger: 'oss', constraints: { bucket: 'photos', keyPrefix: 'uploads/' } };
 * const posts: EventSource = { kind: 'http:post', fc2: true };
 * const jobs: EventSource = { arbitrary: timerEvent({ cron: '0 0 3 * * *' }).map((event) => ({ ...event, payload: '{"job":"cleanup"}' })) };
 * await checkHandler({ handler: 'index.handler', ...uploads });
 * ```
 * @see README.md#property-based-contract-tests
 */
export type EventSource =
  | { [Id in TriggerId]: { trigger: Id; constraints?: ConstraintsOf<Id> } }[TriggerId]
  /** FC 2.0 HTTP handlers `(request, response, context)`. */
  | { trigger: 'fc2-http'; constraints?: HttpRequestConstraints }
  | { kind: string; fc2?: boolean }
  /**
   * Your own events; `delivery` says how they reach the handler (default `event`: the bytes of the event); `label`
   * names them in reports and saved failures (default `custom events`).
   */
  | { arbitrary: fc.Arbitrary<unknown>; delivery?: Delivery; label?: string };

/**
 * The name of a test source: a trigger id, or a trigger's variant (`fc2-http` for FC 2.0 HTTP handlers).
 *
 * @see README.md#property-based-contract-tests
 */
export type TriggerName = Extract<EventSource, { trigger: string }>['trigger'];

/**
 * The events of a source, and how each reaches the handler.
 *
 * @example
 * ```ts
 * const source: PreparedSource = prepareSource({ kind: 'oss:put' });
 * const runner = new ContractRunner('index.handler', source);
 * for (const event of fc.sample(source.arbitrary, 10)) await runner.assert(event);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface PreparedSource {
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
  delivery: Delivery;
}

/**
 * The platform a source's events are for: FC 2.0 HTTP requests are FC 2.0's; other events go to either platform.
 *
 * @example
 * ```ts
 * sourcePlatform({ trigger: 'fc2-http' }); // 'fc2'
 * sourcePlatform({ trigger: 'oss' });      // undefined
 * ```
 * @see README.md#property-based-contract-tests
 */
export function sourcePlatform(source: EventSource): Platform | undefined {
  if ('arbitrary' in source) return source.delivery === 'fc2-http' ? 'fc2' : undefined;
  if ('kind' in source) return source.fc2 ? 'fc2' : undefined;
  return isFc2SourceName(source.trigger) ? 'fc2' : undefined;
}

/**
 * The source as a function on `platform` receives it: on FC 2.0 an HTTP trigger calls `(request, response, context)`,
 * so `http` (and an HTTP kind) become FC 2.0 requests there.
 *
 * @example
 * ```ts
 * sourceOnPlatform({ trigger: 'http' }, 'fc2'); // { trigger: 'fc2-http' }
 * ```
 * @see README.md#property-based-contract-tests
 */
export function sourceOnPlatform(source: EventSource, platform: Platform): EventSource {
  if (platform !== 'fc2' || 'arbitrary' in source) return source;
  if ('kind' in source) return { ...source, fc2: true };
  if (!isTriggerId(source.trigger)) return source;
  const trigger = sourceNameOn(source.trigger, platform);
  // The FC 2.0 form of a trigger takes the trigger's own constraints (`fc2-http`: the HTTP request's).
  return trigger === source.trigger ? source : ({ ...source, trigger } as EventSource);
}

export class UnknownKindError extends FcSimError {
  declare readonly code: 'E_UNKNOWN_KIND';
  constructor(message: string) {
    super('E_UNKNOWN_KIND', message);
    this.name = 'UnknownKindError';
  }
}

/**
 * The events of a source and how they reach the handler; throws `E_UNKNOWN_KIND` for a kind that does not exist.
 *
 * @example
 * ```ts
 * const { label, arbitrary, delivery } = prepareSource({ trigger: 'http', constraints: { methods: ['POST'] } });
 * const { bytes, options } = deliver(fc.sample(arbitrary, 1)[0], delivery);
 * const result = await createInstance('index.handler').invoke(bytes, options);
 * console.log(label, result.http?.statusCode);
 * ```
 * @see README.md#property-based-contract-tests
 */
export function prepareSource(source: EventSource): PreparedSource {
  if ('arbitrary' in source) return { label: source.label ?? 'custom events', arbitrary: source.arbitrary, delivery: source.delivery ?? 'event' };
  if ('kind' in source) {
    const kind = findKind(source.kind);
    if (!kind) throw new UnknownKindError(`unknown event kind "${source.kind}" (fc-sim list shows them)`);
    const options = { fc2: source.fc2 ?? false };
    return { label: kind.name, arbitrary: kindArbitrary(kind, {}, options), delivery: deliveryOfKind(kind, options) };
  }
  const { arbitrary, delivery } = triggerSource(source.trigger, source.constraints);
  return { label: source.trigger, arbitrary, delivery };
}
