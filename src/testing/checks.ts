import type { Invocation } from '../runtime/invocation.js';
import type { Delivery } from '../triggers/delivery.js';
import type { Outcome } from '../remote/outcome.js';

/**
 * The built-in checks, by the names the CLI's --check and the library's `checks` use.
 *
 * @example
 * ```ts
 * const everyCheck = Object.fromEntries(checkNames.map((name) => [name, true]));
 * await checkHandler({ handler: 'index.handler', trigger: 'oss', checks: everyCheck });
 * ```
 * @see README.md#property-based-contract-tests
 */
export const checkNames = ['no-unhandled-error', 'no-handled-error', 'within-timeout', 'http-response', 'idempotent'] as const;

/**
 * A built-in check (one of {@link checkNames}).
 *
 * @see README.md#property-based-contract-tests
 */
export type CheckName = (typeof checkNames)[number];

/**
 * A user property: return false or throw to fail. It sees the event as sent, the invocation and its logs.
 *
 * @example
 * ```ts
 * const plansOneThumbnail: Property<OssEvent> = (event, result) => {
 *   expect(JSON.parse(result.body.toString())).toHaveLength(event.events.length);
 * };
 * await checkHandler({ handler: 'index.handler', trigger: 'oss', property: plansOneThumbnail });
 * ```
 * @see README.md#property-based-contract-tests
 */
export type Property<E = unknown> = (event: E, result: Invocation, logs: readonly string[]) => boolean | void | Promise<boolean | void>;

/**
 * A remote target's outcome that brought no answer from the function to check: `http-error`, `timeout`,
 * `connection-error`, `client-error`, `interrupted`, `not-sent`.
 *
 * @see README.md#replay-against-deployed-functions
 */
export type NoAnswer = Exclude<Outcome, Invocation['status']>;

/**
 * Why an event failed: a check, the property, or no answer to check.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' });
 * const failure: CheckFailure | undefined = (await runner.run(buildMnsEvent())).failure;
 * if (failure?.check === 'no-unhandled-error') console.error(failure.message);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface CheckFailure {
  check: CheckName | 'property' | NoAnswer;
  message: string;
}

const timedOut = (invocation: Invocation) => invocation.error?.cause === 'timeout';

/** The checks that look at one invocation (idempotency needs two, see the runner). */
export function singleInvocationFailure(check: Exclude<CheckName, 'idempotent'>, invocation: Invocation, delivery: Delivery): CheckFailure | undefined {
  switch (check) {
    case 'within-timeout':
      return timedOut(invocation) ? { check, message: invocation.error!.errorMessage } : undefined;
    case 'no-unhandled-error':
      if (invocation.status === 'rejected') return { check, message: `FC refused the request: ${invocation.error!.errorMessage}` };
      return invocation.status === 'unhandled-error' && !timedOut(invocation)
        ? { check, message: `unhandled error ${invocation.error!.errorType ?? ''}: ${invocation.error!.errorMessage}`.replace('  ', ' ') }
        : undefined;
    case 'no-handled-error':
      return invocation.status === 'handled-error'
        ? { check, message: `handled error (callback) ${invocation.error!.errorType ?? ''}: ${invocation.error!.errorMessage}` }
        : undefined;
    case 'http-response': {
      // Events (JSON or CBOR) answer with whatever the handler returns; only HTTP deliveries owe a response.
      if (delivery === 'event' || delivery === 'cbor' || invocation.status !== 'success') return undefined;
      if (invocation.httpResponseProblem) return { check, message: invocation.httpResponseProblem };
      return invocation.http ? undefined : { check, message: 'the handler answered without an HTTP response' };
    }
  }
}

/** Two deliveries of one event answered alike: same status and same body (FC may deliver OSS, MNS, timer events twice). */
export function idempotencyFailure(first: Invocation, second: Invocation): CheckFailure | undefined {
  if (first.status === second.status && first.body.equals(second.body)) return undefined;
  const show = (invocation: Invocation) => `${invocation.status} ${JSON.stringify(invocation.body.toString().slice(0, 200))}`;
  return { check: 'idempotent', message: `the same event delivered twice answered differently: first ${show(first)}, then ${show(second)}` };
}
