import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import type { HeaderMap } from './headers.js';
import { headerValue } from './headers.js';
import type { AttemptProblem, RetryPolicy } from './retry.js';
import { backoffDelay, DEFAULT_RETRY, shouldRetry, sleep } from './retry.js';

/** One request as sent: the path carries the query, percent-encoded. */
export interface HttpRequest {
  method: string;
  path: string;
  headers: HeaderMap;
  body?: Buffer;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body, or its first `maxBodyBytes` when it was longer (then `truncated` says how long it was). */
  body: Buffer;
  /** A body longer than the transport's `maxBodyBytes`: its whole size and SHA-256 (hex). */
  truncated?: { bytes: number; sha256: string };
}

/** Why no answer came: no response in time, a connection problem, fc-sim could not send it, or the run was interrupted. */
export interface HttpFailure {
  reason: 'timeout' | 'connection' | 'client' | 'interrupted';
  message: string;
  code?: string;
}

/** The end of a request after its retries: an answer or a failure, the attempts it took and the time from the first. */
export type Exchange = ({ answer: HttpAnswer; failure?: undefined } | { failure: HttpFailure; answer?: undefined }) & {
  attempts: number;
  latencyMs: number;
};

/**
 * How requests to a remote target travel: keep-alive connections, a timeout per attempt, and the retry policy.
 *
 * @example
 * ```ts
 * const transport: TransportOptions = { connections: 32, requestTimeoutMs: 10_000, retry: { retries: 5, retryUnsafe: false } };
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' }, transport);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface TransportOptions {
  /** Connections kept open to the server (default 8): as many requests in flight. */
  connections?: number;
  /** One attempt's limit, from sending to the last byte of the answer (default 60 s). */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Bytes of an answer's body kept (default 32 MB); beyond, only its size and SHA-256 are (see {@link HttpAnswer}). */
  maxBodyBytes?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Bytes of an answer kept: FC's synchronous payload limit (runtime.md §7: 32 MB; the response limit is not
 * documented, the nodejs runtime buffers 16–128 MB). Eight 100 MB answers in flight must not hold 800 MB.
 */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

// The pool, its errors and its header parser from their own modules: undici's index also loads fetch, WebSocket,
// the cache, mock and proxy agents, which no request here uses and which cost a CLI run ~100-200 ms of start-up.
// (undici has no "exports" map; test/remote/http-client.test.ts checks these are the index's own.)
const require = createRequire(import.meta.url);
const Pool = require('undici/lib/dispatcher/pool.js') as typeof Undici.Pool;
const errors = require('undici/lib/core/errors.js') as typeof Undici.errors;
const util = require('undici/lib/core/util.js') as typeof Undici.util;

/** Errors that mean no connection was made: the request never left. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
/** Errors of fc-sim's own making (an invalid header in an event, …): sending again changes nothing. */
const CLIENT_ERRORS = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_CHAR', 'ERR_INVALID_URL']);

function errorCode(error: unknown): string | undefined {
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * HTTP/1.1 to one origin over a keep-alive undici Pool: a timeout per attempt, retries with backoff, and an abort
 * signal that ends everything in flight. Never throws for a request: every request ends in an {@link Exchange}.
 */
export class HttpClient {
  readonly origin: string;
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly maxBodyBytes: number;
  private readonly pool: Undici.Pool;
  /** The requests in flight listening to each signal (see onAbort). */
  private readonly abortListeners = new WeakMap<AbortSignal, Set<() => void>>();

  constructor(origin: string, options: TransportOptions = {}) {
    this.origin = origin;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const margin = this.requestTimeoutMs + 1_000;
    this.pool = new Pool(origin, {
      connections: options.connections ?? 8,
      // fc-sim's own timer ends an attempt; undici's are a backstop.
      headersTimeout: margin,
      bodyTimeout: margin,
      connect: { timeout: Math.min(10_000, this.requestTimeoutMs) },
      keepAliveTimeout: 4_000,
    });
  }

  /**
   * Sends a request, again after a retryable failure. `build` is called for each attempt, so that a signature
   * (its date and nonce) is fresh each time.
   */
  async exchange(build: () => HttpRequest, signal?: AbortSignal): Promise<Exchange> {
    const started = performance.now();
    let attempts = 0;
    // Built field by field: a spread of `result` here cost more than a microsecond per request.
    const end = (result: { answer: HttpAnswer } | { failure: HttpFailure }): Exchange =>
      'answer' in result
        ? { answer: result.answer, attempts, latencyMs: performance.now() - started }
        : { failure: result.failure, attempts, latencyMs: performance.now() - started };
    for (;;) {
      attempts += 1;
      let request: HttpRequest;
      try {
        request = build();
      } catch (error) {
        return end({ failure: { reason: 'client', message: describe(error) } });
      }
      const result = await this.attempt(request, signal);
      const problem = 'answer' in result ? statusProblem(result.answer) : result.problem;
      if (problem === undefined || attempts > this.retry.retries || signal?.aborted || !shouldRetry(problem, request.method, this.retry)) {
        return end('answer' in result ? { answer: result.answer } : { failure: result.failure });
      }
      const retryAfter = 'answer' in result ? headerValue(result.answer.headers, 'retry-after') : undefined;
      if (!(await sleep(backoffDelay(attempts, this.retry, retryAfter), signal)))
        return end({ failure: { reason: 'interrupted', message: 'interrupted while waiting to retry' } });
    }
  }

  private async attempt(request: HttpRequest, signal?: AbortSignal): Promise<{ answer: HttpAnswer } | { failure: HttpFailure; problem?: AttemptProblem }> {
    let why: 'timeout' | 'interrupted' | undefined;
    let abort: ((reason: Error) => void) | undefined;
    const timer = setTimeout(() => {
      why = 'timeout';
      abort?.(new errors.RequestAbortedError());
    }, this.requestTimeoutMs);
    const onAbort = () => {
      why ??= 'interrupted';
      abort?.(new errors.RequestAbortedError());
    };
    const stopListening = signal && this.onAbort(signal, onAbort);
    if (signal?.aborted) onAbort();
    try {
      const answer = await this.dispatch(request, (abortRequest) => {
        abort = abortRequest;
        if (why !== undefined) abortRequest(new errors.RequestAbortedError());
      });
      return { answer };
    } catch (error) {
      if (why === 'timeout') return { failure: { reason: 'timeout', message: `no response within ${this.requestTimeoutMs} ms` }, problem: { kind: 'timeout' } };
      if (why === 'interrupted') return { failure: { reason: 'interrupted', message: 'interrupted before the answer came' } };
      const code = errorCode(error);
      const message = `${code ? `${code}: ` : ''}${describe(error)}`;
      if (code !== undefined && CLIENT_ERRORS.has(code)) return { failure: { reason: 'client', message, code } };
      if (error instanceof TypeError && code === undefined) return { failure: { reason: 'client', message } };
      const problem: AttemptProblem = code !== undefined && NOT_CONNECTED.has(code) ? { kind: 'not-connected' } : { kind: 'connection' };
      return { failure: { reason: 'connection', message, ...(code ? { code } : {}) }, problem };
    } finally {
      clearTimeout(timer);
      stopListening?.();
    }
  }

  /**
   * Calls `listener` when the signal aborts, until the returned function is called. One listener on the signal for
   * all the requests in flight: an AbortSignal listener added and removed per request cost ~7 µs of each (a load run
   * passes the same signal with every request).
   */
  private onAbort(signal: AbortSignal, listener: () => void): () => void {
    let listening = this.abortListeners.get(signal);
    if (listening === undefined) {
      const listeners = new Set<() => void>();
      signal.addEventListener(
        'abort',
        () => {
          for (const each of listeners) each();
        },
        { once: true },
      );
      this.abortListeners.set(signal, listeners);
      listening = listeners;
    }
    const listeners = listening;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /**
   * One request through the pool, its answer collected as undici's request() collects it (headers parsed the same
   * way, 1xx answers skipped) without request()'s per-response stream and AbortSignal, which cost more than the
   * rest of a replayed event (remote replay went from ~40% to ~80% of autocannon's rate). `onAbortable` receives the
   * function that aborts the request once it is on its way.
   */
  private dispatch(request: HttpRequest, onAbortable: (abort: (reason: Error) => void) => void): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      // As request() refuses it: CONNECT takes over the connection.
      if (request.method === 'CONNECT') throw new errors.InvalidArgumentError('invalid method');
      let statusCode = 0;
      let headers: Record<string, string | string[]> = {};
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      // Started only once the body outgrows the cap: hashing every answer would cost the common case.
      let hash: Hash | undefined;
      const handler: Dispatcher.DispatchHandler = {
        onConnect: (abort) => onAbortable(abort as (reason: Error) => void),
        onHeaders: (status, rawHeaders) => {
          if (status < 200) return true;
          statusCode = status;
          headers = util.parseHeaders(rawHeaders);
          return true;
        },
        onData: (chunk) => {
          bytes += chunk.length;
          if (bytes > this.maxBodyBytes && hash === undefined) {
            hash = createHash('sha256');
            for (const earlier of chunks) hash.update(earlier);
          }
          hash?.update(chunk);
          if (kept < this.maxBodyBytes) {
            const part = kept + chunk.length > this.maxBodyBytes ? chunk.subarray(0, this.maxBodyBytes - kept) : chunk;
            chunks.push(part);
            kept += part.length;
          }
          return true;
        },
        onComplete: () =>
          resolve(
            hash
              ? { statusCode, headers, body: Buffer.concat(chunks), truncated: { bytes, sha256: hash.digest('hex') } }
              : { statusCode, headers, body: Buffer.concat(chunks) },
          ),
        onError: reject,
      };
      this.pool.dispatch(
        {
          method: request.method as Dispatcher.HttpMethod,
          path: request.path,
          headers: request.headers,
          body: request.body && request.body.length > 0 ? request.body : null,
        },
        handler,
      );
    });
  }

  /** Closes the connections once the requests in flight end (`destroy`: at once). */
  async close(destroy = false): Promise<void> {
    if (destroy) await this.pool.destroy();
    else await this.pool.close();
  }
}

function statusProblem(answer: HttpAnswer): AttemptProblem | undefined {
  if (answer.statusCode !== 429 && answer.statusCode < 500) return undefined;
  return { kind: 'status', statusCode: answer.statusCode, functionError: headerValue(answer.headers, 'x-fc-error-type') !== undefined };
}
