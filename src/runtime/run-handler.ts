import type { FcErrorBody } from './fc-errors.js';
import { handledError, thrownOutcome } from './fc-errors.js';
import type { RuntimeTraits } from './runtimes.js';
import { serializeResult } from './serialize.js';

/** How one call of a handler (or lifecycle hook) ended, before the platform adds timeouts and crashes. */
export type HandlerOutcome =
  /** `http`: the status and headers an FC 2.0 HTTP handler sent with its body. */
  | { kind: 'success'; body: Buffer; http?: { statusCode: number; headers: Record<string, string | string[]> } }
  | { kind: 'handled' | 'unhandled'; error: FcErrorBody };

export type AnyFunction = (...args: never[]) => unknown;

/** A promise settled by the first of several answers; later answers are ignored, as FC consumes a callback once. */
export function firstAnswer<T>(): { promise: Promise<T>; settle: (value: T) => void; readonly settled: boolean } {
  let settled = false;
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return {
    promise,
    settle: (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
    },
    get settled() {
      return settled;
    },
  };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Calls a handler the way FC's Node.js runtime does and settles on its answer:
 * - `callback(error, data)` answers; only its first call counts, later calls are ignored.
 * - A throw, or a rejected promise, is an unhandled error (on nodejs ≤ 16 a thrown non-Error is handled: `thrownOutcome`).
 * - What an async handler resolves to answers on nodejs 18/20 and is ignored on nodejs ≤ 16, where only the callback
 *   answers (such a handler times out there; `warn` says why). On 18/20, a handler that takes a callback and
 *   resolves to undefined is waiting for its callback (FC does not document this case; fc-sim waits).
 * The promise never settles when nothing answers: the caller enforces the timeout, as FC's platform does.
 */
export function runHandler(fn: AnyFunction, args: readonly unknown[], traits: RuntimeTraits, warn: (message: string) => void): Promise<HandlerOutcome> {
  const answer = firstAnswer<HandlerOutcome>();
  // A result JSON cannot hold (a cycle, a BigInt, a getter or toJSON that throws) is the function's error, not the
  // runtime's crash: in-process, an exception here would be the host's (the test process's) own.
  const succeed = (data: unknown) => {
    let body: Buffer;
    try {
      body = serializeResult(data, traits.legacyAgent);
    } catch (error) {
      answer.settle(thrownOutcome(error, traits.legacyAgent));
      return;
    }
    answer.settle({ kind: 'success', body });
  };
  const callback = (error?: unknown, data?: unknown) => {
    if (answer.settled) return;
    if (error !== null && error !== undefined) answer.settle({ kind: 'handled', error: handledError(error) });
    else succeed(data);
  };
  let returned: unknown;
  try {
    returned = (fn as (...values: unknown[]) => unknown)(...args, callback);
  } catch (error) {
    answer.settle(thrownOutcome(error, traits.legacyAgent));
    return answer.promise;
  }
  if (!isThenable(returned)) return answer.promise;
  returned.then(
    (value) => {
      if (answer.settled) return;
      if (!traits.asyncResult) {
        warn(
          `${traits.name} ignores what an async handler returns (${value === undefined ? 'undefined' : 'a value'}): FC waits for callback(), so this invocation will time out. Call callback(null, result), or use nodejs18 or later.`,
        );
        return;
      }
      if (value === undefined && fn.length > args.length) return;
      succeed(value);
    },
    (error: unknown) => answer.settle(thrownOutcome(error, traits.legacyAgent)),
  );
  return answer.promise;
}
