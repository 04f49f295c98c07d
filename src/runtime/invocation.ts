import type { ErrorKind, FcErrorBody } from './fc-errors.js';
import { formatLogLine } from './log-format.js';
import type { HandlerOutcome } from './run-handler.js';

/**
 * One invocation as the caller of FC sees it, plus what FC shows in its logs.
 *
 * @example
 * ```ts
 * const result: Invocation = await invoke('index.handler', buildTimerEvent());
 * if (result.status === 'success') console.log(resultValue(result));
 * else console.error(result.status, result.error?.cause, result.logs.join('\n'));
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-invokefunction
 * @see README.md#run-a-handler-locally
 */
export interface Invocation {
  requestId: string;
  /**
   * `success`; the kind of function error (FC's `X-Fc-Error-Type`: HandledInvocationError / UnhandledInvocationError);
   * or `rejected` when FC refuses the request before running anything (a payload over the limit).
   */
  status: 'success' | `${ErrorKind}-error` | 'rejected';
  /** The response body: the serialised result, or the error JSON. */
  body: Buffer;
  /** The error, when the invocation failed. */
  error?: FcErrorBody;
  /** Log lines in FC's format, from `FC Invoke Start` to `FC Invoke End`. */
  logs: string[];
  /** Things FC would not tell you but that explain what happened (an ignored async result, …). */
  warnings: string[];
  /** The HTTP response, for an FC 2.0 HTTP handler or an FC 3.0 HTTP trigger event. */
  http?: HttpResponse;
  /** FC 3.0 HTTP trigger events and API Gateway calls: what makes the handler's result not an HTTP response (also in `warnings`). */
  httpResponseProblem?: string;
  durationMs: number;
  /** FC bills by the millisecond, rounded up. */
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
}

/**
 * The HTTP response of an HTTP invocation: what the HTTP trigger would send the client.
 *
 * @example
 * ```ts
 * const result = await invoke('index.handler', buildHttpEvent({ path: '/users/42' }), { http: { kind: 'fc3-http' } });
 * const response: HttpResponse | undefined = result.http;
 * if (response) console.log(response.statusCode, response.headers['content-type'], response.body.toString());
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * The body as text, and as JSON when it is JSON.
 *
 * @example
 * ```ts
 * const result = await invoke('index.handler', buildOssEvent());
 * const keys = resultValue(result) as string[];
 * ```
 * @see README.md#run-a-handler-locally
 */
export function resultValue(invocation: Invocation): unknown {
  const text = invocation.body.toString();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The line fc-docker prints after an invocation, with the duration in front of the billed one.
 *
 * @example
 * ```ts
 * const result = await invoke('index.handler', buildTimerEvent());
 * console.error(summaryLine(result)); // RequestId: …  Duration: 3.21 ms  Billed Duration: 4 ms  Memory Size: 512 MB  Max Memory Used: 41 MB
 * ```
 * @see README.md#run-a-handler-locally
 */
export function summaryLine(invocation: Invocation): string {
  return `RequestId: ${invocation.requestId}  Duration: ${invocation.durationMs.toFixed(2)} ms  Billed Duration: ${invocation.billedDurationMs} ms  Memory Size: ${invocation.memorySizeMb} MB  Max Memory Used: ${invocation.maxMemoryUsedMb} MB`;
}

/** The fields of an error FC sends, in its order (`cause` is fc-sim's own; `errorCode` only in FC's API errors). */
const FC_ERROR_FIELDS = ['errorCode', 'errorMessage', 'errorType', 'stackTrace'];

/** The response body of a failed invocation: FC's error JSON. */
export function errorBody(error: FcErrorBody): Buffer {
  return Buffer.from(JSON.stringify(error, FC_ERROR_FIELDS));
}

/** FC's agent caps the echoed error at 256 KB (runtime.md §1.2, RT `console.js errorCap`). */
const MAX_ERROR_ECHO_CHARS = 256 * 1024;

/**
 * The `[error]` line FC's nodejs12–16 agent writes with the error JSON before the End line (runtime.md, Corrections 7,
 * AGENT `callback.js`).
 */
function errorEchoLine(requestId: string, error: FcErrorBody): string {
  const json = errorBody(error).toString();
  return formatLogLine('error', requestId, [
    json.length > MAX_ERROR_ECHO_CHARS ? `${json.slice(0, MAX_ERROR_ECHO_CHARS)}... Truncated by FunctionCompute` : json,
  ]);
}

/** The invocation FC reports for an outcome: the `FC <marker> End` line closes the logs, with the error kind. */
export function completedInvocation(parts: {
  marker: string;
  requestId: string;
  outcome: HandlerOutcome;
  logs: string[];
  warnings: string[];
  durationMs: number;
  memorySizeMb: number;
  maxRssBytes: number;
  /** The runtime answered the error itself (not a timeout or a crash) and echoes it, as FC's nodejs12–16 agent does. */
  echoError?: boolean;
}): Invocation {
  const { outcome, requestId } = parts;
  if (outcome.kind !== 'success' && parts.echoError) parts.logs.push(errorEchoLine(requestId, outcome.error));
  const suffix = outcome.kind === 'success' ? '' : `, Error: ${outcome.kind === 'handled' ? 'Handled' : 'Unhandled'} function error`;
  parts.logs.push(`FC ${parts.marker} End RequestId: ${requestId}${suffix}`);
  return {
    requestId,
    status: outcome.kind === 'success' ? 'success' : `${outcome.kind}-error`,
    body: outcome.kind === 'success' ? Buffer.from(outcome.body) : errorBody(outcome.error),
    ...(outcome.kind === 'success' ? {} : { error: outcome.error }),
    ...(outcome.kind === 'success' && outcome.http ? { http: { ...outcome.http, body: Buffer.from(outcome.body) } } : {}),
    logs: parts.logs,
    warnings: parts.warnings,
    durationMs: parts.durationMs,
    billedDurationMs: Math.max(1, Math.ceil(parts.durationMs)),
    memorySizeMb: parts.memorySizeMb,
    maxMemoryUsedMb: Math.round(parts.maxRssBytes / 2 ** 20),
  };
}

/** A request FC refuses before any instance sees it. */
export function rejectedInvocation(requestId: string, error: FcErrorBody, memorySizeMb: number): Invocation {
  return {
    requestId,
    status: 'rejected',
    body: errorBody(error),
    error,
    logs: [],
    warnings: [],
    durationMs: 0,
    billedDurationMs: 0,
    memorySizeMb,
    maxMemoryUsedMb: 0,
  };
}
