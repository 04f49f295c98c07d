/**
 * When fc-sim sends a request again: connection errors, timeouts, 429 and 5xx, with exponential backoff. A request
 * that may have reached the function is repeated only when its method is idempotent (or with `retryUnsafe`): an
 * InvokeFunction call or a POST to an HTTP trigger must not run twice because an answer was lost. A connection that
 * was never established carried nothing, so it is retried whatever the method.
 *
 * @example
 * ```ts
 * const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: 5, baseDelayMs: 200 };
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' }, { retry });
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface RetryPolicy {
  /** Attempts after the first (default 3). */
  retries: number;
  /** The first backoff (default 100 ms); each next one doubles, up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Also repeat non-idempotent requests (POST, PATCH) after a failure that may have reached the function. */
  retryUnsafe: boolean;
}

/**
 * The retry policy unless told otherwise: 3 retries, backoff from 100 ms up to 5 s, unsafe requests not repeated.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' }, { retry: { ...DEFAULT_RETRY, retries: 0 } });
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5_000, retryUnsafe: false };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** What went wrong in one attempt, as far as retrying is concerned. */
export type AttemptProblem = { kind: 'not-connected' } | { kind: 'connection' | 'timeout' } | { kind: 'status'; statusCode: number; functionError: boolean };

export function shouldRetry(problem: AttemptProblem, method: string, policy: RetryPolicy): boolean {
  const repeatable = policy.retryUnsafe || isIdempotent(method);
  switch (problem.kind) {
    case 'not-connected':
      return true;
    case 'connection':
    case 'timeout':
      return repeatable;
    case 'status':
      // A function error (x-fc-error-type) is the function's answer, not a transient failure.
      return repeatable && !problem.functionError && (problem.statusCode === 429 || problem.statusCode >= 500);
  }
}

/** Backoff before attempt `attempt + 1`: base·2^(attempt−1), capped, halved at random ("equal jitter"); Retry-After wins when longer (capped too). */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfter?: string, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const delay = exponential / 2 + (exponential / 2) * random();
  const seconds = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined;
  return seconds === undefined ? delay : Math.min(policy.maxDelayMs, Math.max(delay, seconds));
}

/** Waits `ms`, or less when the signal aborts; true when the whole wait passed. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
