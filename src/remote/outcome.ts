import type { ErrorKind, FcErrorBody } from '../runtime/fc-errors.js';
import { platformFailureCause } from '../runtime/fc-errors.js';
import type { HttpResponse, Invocation } from '../runtime/invocation.js';
import { errorBody } from '../runtime/invocation.js';
import type { AnyHeaders } from './headers.js';
import { headerValue, responseHeaders } from './headers.js';
import type { Exchange, HttpAnswer, HttpFailure } from './http-client.js';

/**
 * How one event ended against a remote target, for counts and result files. Answers follow the Invocation's
 * status, except a final 429 or 5xx that FC does not put down to the function (no `x-fc-error-type`): `http-error`.
 * Without an answer: `timeout`, `connection-error`, `client-error` (fc-sim could not send it), `interrupted`
 * (in flight at Ctrl-C); `not-sent` events never left.
 *
 * @example
 * ```ts
 * const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0]));
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export const OUTCOMES = [
  'success',
  'handled-error',
  'unhandled-error',
  'rejected',
  'http-error',
  'timeout',
  'connection-error',
  'client-error',
  'interrupted',
  'not-sent',
] as const;

/**
 * How one event ended against a remote target (one of {@link OUTCOMES}).
 *
 * @see README.md#replay-against-deployed-functions
 */
export type Outcome = (typeof OUTCOMES)[number];

/**
 * One event against a remote target: the Invocation the checks and reports read, and how the request went.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const result: RemoteResult = await target.send(eventBytes(buildTimerEvent()));
 * if (result.outcome !== 'success') console.error(result.outcome, result.statusCode, result.invocation.error?.errorMessage);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface RemoteResult {
  invocation: Invocation;
  outcome: Outcome;
  /** Requests sent for it (retries included); 0 when it was not sent. */
  attempts: number;
  /** From the first attempt to the final answer or failure. */
  latencyMs: number;
  /** The final answer's HTTP status. */
  statusCode?: number;
}

const FAILURE_TYPES: Record<HttpFailure['reason'], { type: string; outcome: Outcome }> = {
  timeout: { type: 'RequestTimeout', outcome: 'timeout' },
  connection: { type: 'ConnectionError', outcome: 'connection-error' },
  client: { type: 'ClientError', outcome: 'client-error' },
  interrupted: { type: 'Interrupted', outcome: 'interrupted' },
};

/**
 * No answer: an unhandled error, as FC reports an invocation whose instance never answered (the checks see it as
 * such), typed by why: RequestTimeout, ConnectionError, ClientError, Interrupted.
 */
export function failedResult(requestId: string, failure: HttpFailure, attempts: number, latencyMs: number): RemoteResult {
  const { type, outcome } = FAILURE_TYPES[failure.reason];
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const error: FcErrorBody = { errorMessage: `${failure.message}${tries}`, errorType: type, cause: 'unanswered' };
  return {
    invocation: remoteInvocation({ requestId, status: 'unhandled-error', body: errorBody(error), error, durationMs: latencyMs }),
    outcome,
    attempts,
    latencyMs,
  };
}

/** An event that was never sent (the run was interrupted first). */
export function notSentResult(): RemoteResult {
  const error: FcErrorBody = { errorMessage: 'not sent: the run was interrupted before this event', errorType: 'NotSent', cause: 'unanswered' };
  return {
    invocation: remoteInvocation({ requestId: '', status: 'unhandled-error', body: errorBody(error), error, durationMs: 0 }),
    outcome: 'not-sent',
    attempts: 0,
    latencyMs: 0,
  };
}

export function remoteInvocation(parts: {
  requestId: string;
  status: Invocation['status'];
  body: Buffer;
  error?: FcErrorBody;
  logs?: string[];
  warnings?: string[];
  http?: HttpResponse;
  durationMs: number;
  memorySizeMb?: number;
  maxMemoryUsedMb?: number;
}): Invocation {
  // Field by field in the order the spreads gave (conditional spreads cost a microsecond each, per answer).
  const invocation = { requestId: parts.requestId, status: parts.status, body: parts.body } as Invocation;
  if (parts.error) {
    // Unless the caller knows why: a refusal, or what FC's message says (a timeout, a crash, the function's error).
    parts.error.cause ??= parts.status === 'rejected' ? 'rejected' : platformFailureCause(parts.error);
    invocation.error = parts.error;
  }
  invocation.logs = parts.logs ?? [];
  invocation.warnings = parts.warnings ?? [];
  if (parts.http) invocation.http = parts.http;
  invocation.durationMs = parts.durationMs;
  invocation.billedDurationMs = Math.max(parts.durationMs > 0 ? 1 : 0, Math.ceil(parts.durationMs));
  invocation.memorySizeMb = parts.memorySizeMb ?? 0;
  invocation.maxMemoryUsedMb = parts.maxMemoryUsedMb ?? 0;
  return invocation;
}

/** `X-Fc-Error-Type`: HandledInvocationError / UnhandledInvocationError (any other value: unhandled). */
export function fcErrorKind(headers: AnyHeaders): ErrorKind | undefined {
  const type = headerValue(headers, 'x-fc-error-type');
  if (type === undefined) return undefined;
  return /^handled/i.test(type) ? 'handled' : 'unhandled';
}

/** The function's error from a response body: FC's `{errorMessage, errorType, stackTrace}`, FC's API error `{ErrorCode, ErrorMessage}`, or the text. */
export function errorFromBody(body: Buffer, fallback = 'the function failed'): FcErrorBody {
  const text = body.toString('utf8');
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value && typeof value === 'object') {
      if (typeof value.errorMessage === 'string') {
        return {
          errorMessage: value.errorMessage,
          ...(typeof value.errorType === 'string' ? { errorType: value.errorType } : {}),
          ...(Array.isArray(value.stackTrace) ? { stackTrace: value.stackTrace.map(String) } : {}),
        };
      }
      if (typeof value.ErrorCode === 'string')
        return { errorMessage: typeof value.ErrorMessage === 'string' ? value.ErrorMessage : value.ErrorCode, errorType: value.ErrorCode };
    }
  } catch {
    // Not JSON: the text is the message.
  }
  return { errorMessage: text === '' ? fallback : text };
}

/** FC's API error JSON (`{ErrorCode, ErrorMessage}`): the platform refused the request. */
export function isPlatformError(body: Buffer): boolean {
  try {
    const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return typeof value?.ErrorCode === 'string' && typeof value.ErrorMessage === 'string';
  } catch {
    return false;
  }
}

/** The log tail FC returns for `X-Fc-Log-Type: Tail` (`X-Fc-Log-Result`, base64 of the last 4 KB), as lines. */
export function logTail(headers: AnyHeaders): string[] {
  const encoded = headerValue(headers, 'x-fc-log-result');
  if (!encoded) return [];
  return Buffer.from(encoded, 'base64')
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line, index, lines) => line !== '' || index < lines.length - 1);
}

/** The answer as the caller of an HTTP trigger sees it. */
export function httpResponse(answer: HttpAnswer): HttpResponse {
  return { statusCode: answer.statusCode, headers: responseHeaders(answer.headers), body: answer.body };
}

/** The outcome of an answered request (see {@link OUTCOMES}). */
export function answeredOutcome(invocation: Invocation, answer: HttpAnswer): Outcome {
  if (fcErrorKind(answer.headers) === undefined && (answer.statusCode === 429 || answer.statusCode >= 500)) return 'http-error';
  return invocation.status;
}

/** Durations FC reports (`X-Fc-Invocation-Duration` ms, `X-Fc-Max-Memory-Usage` MB), else the measured latency. */
export function reportedTimings(headers: AnyHeaders, latencyMs: number): { durationMs: number; maxMemoryUsedMb: number } {
  const duration = Number(headerValue(headers, 'x-fc-invocation-duration'));
  const memory = Number(headerValue(headers, 'x-fc-max-memory-usage'));
  return { durationMs: Number.isFinite(duration) && duration > 0 ? duration : latencyMs, maxMemoryUsedMb: Number.isFinite(memory) ? Math.round(memory) : 0 };
}

/** Maps an exchange: failures here, answers by the target's `answered`. */
export function resultOf(exchange: Exchange, requestId: string, answered: (answer: HttpAnswer, latencyMs: number) => Invocation): RemoteResult {
  if (exchange.failure) return failedResult(requestId, exchange.failure, exchange.attempts, exchange.latencyMs);
  const invocation = answered(exchange.answer, exchange.latencyMs);
  const { truncated } = exchange.answer;
  if (truncated) {
    invocation.warnings.push(
      `the answer's body was ${truncated.bytes} bytes: only its first ${exchange.answer.body.length} are kept (sha256 of the whole: ${truncated.sha256})`,
    );
  }
  return {
    invocation,
    outcome: answeredOutcome(invocation, exchange.answer),
    attempts: exchange.attempts,
    latencyMs: exchange.latencyMs,
    statusCode: exchange.answer.statusCode,
  };
}
