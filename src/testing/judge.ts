import type { InvokeOptions } from '../runtime/instance.js';
import type { Delivery } from '../triggers/delivery.js';
import type { Invocation } from '../runtime/invocation.js';
import type { Instance } from '../runtime/invoke.js';
import type { Outcome } from '../remote/outcome.js';
import { isRemoteInstance } from '../remote/remote-instance.js';
import type { CheckFailure, CheckName, NoAnswer, Property } from './checks.js';
import { checkNames, idempotencyFailure, singleInvocationFailure } from './checks.js';

/**
 * One delivery of an event: its invocation and, from a remote target, how the request ended (a RemoteResult is one).
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const delivered: Delivered = await target.send(eventBytes(buildTimerEvent()));
 * const failure = await judge(buildTimerEvent(), delivered, { checks: enabledChecks(), delivery: 'event', deliverAgain: () => target.send(eventBytes(buildTimerEvent())) });
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface Delivered {
  invocation: Invocation;
  /** A remote target's outcome; a local instance always answers. */
  outcome?: Outcome;
  /** The final answer's HTTP status, from a remote target. */
  statusCode?: number;
}

/** Delivers an event's bytes to an instance; a remote one also says how the request ended, which the judge needs. */
export function deliveryTo(instance: Instance, bytes: Uint8Array, options: InvokeOptions): () => Promise<Delivered> {
  if (isRemoteInstance(instance)) return () => instance.send(bytes, options);
  return async () => ({ invocation: await instance.invoke(bytes, options) });
}

/**
 * What {@link judge} checks: the enabled checks, how the event was delivered, your property, and how to deliver it
 * again for the idempotent check.
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler');
 * const event = buildOssEvent();
 * const { bytes, options } = deliver(event, 'event');
 * const send = async () => ({ invocation: await instance.invoke(bytes, options) });
 * const judging: JudgeOptions<OssEvent> = { checks: enabledChecks({ idempotent: true }), delivery: 'event', deliverAgain: send };
 * const failure = await judge(event, await send(), judging);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface JudgeOptions<E> {
  /** The enabled checks, in the order they run (see `enabledChecks`). */
  checks: readonly CheckName[];
  /** How the event reached the handler: an HTTP event must get an HTTP response. */
  delivery: Delivery;
  property?: Property<E> | undefined;
  /** Delivers the event once more, the same way: the idempotent check compares the two answers. */
  deliverAgain: () => Promise<Delivered>;
}

/**
 * The checks a selection enables (`{ idempotent: true, 'no-handled-error': false }`), in order; by default all but `idempotent`.
 *
 * @example
 * ```ts
 * enabledChecks({ idempotent: true, 'no-handled-error': false }); // ['no-unhandled-error', 'within-timeout', 'http-response', 'idempotent']
 * ```
 * @see README.md#property-based-contract-tests
 */
export function enabledChecks(selection: Partial<Record<CheckName, boolean>> = {}): CheckName[] {
  return checkNames.filter((name) => selection[name] ?? name !== 'idempotent');
}

const ANSWERED: ReadonlySet<Outcome> = new Set<Invocation['status']>(['success', 'handled-error', 'unhandled-error', 'rejected']);

/** The function gave no answer to check: the request failed, or ended in a 429/5xx FC does not put down to it. */
function noAnswer(delivered: Delivered): CheckFailure | undefined {
  const { outcome, invocation } = delivered;
  if (outcome === undefined || ANSWERED.has(outcome)) return undefined;
  return { check: outcome as NoAnswer, message: invocation.error?.errorMessage ?? `HTTP ${delivered.statusCode ?? invocation.http?.statusCode ?? '?'}` };
}

/**
 * The verdict on one event, and fc-sim's only one: checkHandler, ContractRunner, `fc-sim fuzz`, `replay`, `test`,
 * `<kind> --handler` and every remote target (`--url`, `--target`, load runs) judge with it, so the same answer gets
 * the same verdict everywhere. In order: an event the function gave no answer to fails as that outcome
 * (`http-error`, `timeout`, …); then the single-invocation checks; then `idempotent` (a second delivery, whose own
 * lack of an answer fails the same way); then the property. Undefined: the event passed.
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler');
 * const event = buildOssEvent();
 * const { bytes, options } = deliver(event, 'event');
 * const send = async () => ({ invocation: await instance.invoke(bytes, options) });
 * const failure = await judge(event, await send(), { checks: enabledChecks(), delivery: 'event', deliverAgain: send });
 * if (failure) console.error(`${failure.check}: ${failure.message}`);
 * await instance.dispose();
 * ```
 * @see README.md#property-based-contract-tests
 */
export async function judge<E>(event: E, delivered: Delivered, options: JudgeOptions<E>): Promise<CheckFailure | undefined> {
  const unanswered = noAnswer(delivered);
  if (unanswered) return unanswered;
  const { invocation } = delivered;
  for (const check of options.checks) {
    if (check === 'idempotent') continue;
    const failure = singleInvocationFailure(check, invocation, options.delivery);
    if (failure) return failure;
  }
  if (options.checks.includes('idempotent')) {
    const again = await options.deliverAgain();
    const failure = noAnswer(again) ?? idempotencyFailure(invocation, again.invocation);
    if (failure) return failure;
  }
  if (!options.property) return undefined;
  let verdict: boolean | void;
  try {
    verdict = await options.property(event, invocation, invocation.logs);
  } catch (error) {
    return { check: 'property', message: error instanceof Error ? error.message : String(error) };
  }
  return verdict === false ? { check: 'property', message: 'the property returned false' } : undefined;
}
