import { inspect } from 'node:util';

/**
 * The error body FC returns for a function error, and why the invocation failed.
 *
 * @example
 * ```ts
 * const { error } = await invoke('index.handler', buildOssEvent());
 * const body: FcErrorBody | undefined = error; // { errorMessage: 'oops', errorType: 'TypeError', stackTrace: [...], cause: 'function' }
 * if (body?.cause === 'timeout') console.error('raise the timeout or make the handler faster');
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/error-handling-nodejs
 */
export interface FcErrorBody {
  /** FC's own API errors (a request refused before anything ran): `EntityTooLarge`, … */
  errorCode?: string;
  errorMessage: string;
  errorType?: string;
  stackTrace?: string[];
  /** Why it failed, for checks and tools; not part of the body FC sends (the response body leaves it out). */
  cause?: FailureCause;
}

/**
 * Why an invocation failed, as fc-sim knows it (FC itself says only handled or unhandled):
 * - `function`: the function's own error: `callback(error)`, a throw, a rejected promise, a deployed function's error;
 * - `load`: the handler could not be loaded (a bad handler name, a missing module or export, an error loading it);
 * - `uncaught`: an exception thrown outside the handler's call (a timer, an emitter) while it ran;
 * - `timeout`: it ran past the function's (or the initializer's) timeout;
 * - `exit`: the instance's process ended mid-call (process.exit, a crash);
 * - `oom`: the instance's process ran out of memory;
 * - `rejected`: FC refused the request before running anything (a payload over the limit, an API error);
 * - `unanswered`: a deployed function gave no answer (no response in time, no connection, interrupted, not sent).
 *
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/error-handling-nodejs
 * @see README.md#run-a-handler-locally
 */
export type FailureCause = 'function' | 'load' | 'uncaught' | 'timeout' | 'exit' | 'oom' | 'rejected' | 'unanswered';

/**
 * How an invocation failed, as FC tells the caller in `X-Fc-Error-Type`: `handled` errors are only those a Node.js
 * handler passes to `callback`; everything else (throws, rejections, timeouts, crashes) is `unhandled`.
 *
 * @see https://help.aliyun.com/document_detail/191156.html
 */
export type ErrorKind = 'handled' | 'unhandled';

/** Stack frames of fc-sim itself are cut, as FC's runtime cuts its own (`sanitizer.js washErrorStack`). */
function userStack(error: Error): string[] {
  const lines = (error.stack ?? `${error.name}: ${error.message}`).split('\n');
  const internal = lines.findIndex((line) => /[\\/](?:src|dist[\\/]src|dist[\\/]child)[\\/]runtime[\\/]/.test(line) || line.includes('node:internal/'));
  return internal === -1 ? lines : lines.slice(0, Math.max(1, internal));
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString();
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return inspect(value);
    }
  }
  return String(value);
}

const isError = (value: unknown): value is Error =>
  value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value && 'stack' in value);

/**
 * `callback(error)`: an Error keeps its name as errorType and its stack; any other value becomes the message, typed
 * `FunctionHandledError` (nodejs16 runtime `_formatErr`; older docs show no errorType for strings).
 */
export function handledError(error: unknown): FcErrorBody {
  if (isError(error)) return { errorMessage: error.message, errorType: error.name, stackTrace: userStack(error), cause: 'function' };
  return { errorMessage: describeValue(error), errorType: 'FunctionHandledError', cause: 'function' };
}

/**
 * A thrown error or a rejected promise. nodejs ≤ 16 (FC's nodejs12–16 agent, `legacyAgent`) prefix the type with
 * `FunctionUnhandledError: ` (and call a SyntaxError `UserCodeSyntaxError`); nodejs 18/20 keep the error's own name
 * (FC 3.0 error-handling doc).
 */
export function unhandledError(error: unknown, legacyAgent: boolean, cause: FailureCause = 'function'): FcErrorBody {
  if (!isError(error)) return { errorMessage: describeValue(error), errorType: legacyAgent ? 'FunctionUnhandledError: Error' : 'Error', cause };
  const code = (error as NodeJS.ErrnoException).code;
  const name =
    code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' ? 'ImportModuleError' : error.name === 'SyntaxError' ? 'UserCodeSyntaxError' : error.name;
  return {
    errorMessage: error.message,
    errorType: legacyAgent ? `FunctionUnhandledError: ${name}` : name,
    stackTrace: userStack(error),
    cause,
  };
}

/**
 * How the runtime answers a throw or a rejection, and whether FC counts it as handled. FC's nodejs12–16 agent
 * (runtime.md, Corrections 6, AGENT `bootstrap.js` in strict mode) stamps `name = 'FunctionUnhandledError: ' + name`
 * on what was thrown and passes it to the callback: a primitive cannot take a name, so it reaches the callback as it
 * is (`throw 'oops'` → `{errorMessage: 'oops', errorType: 'FunctionHandledError'}`), and a plain object takes the
 * name but is still no Error; both are handled errors there. nodejs 18/20: every throw is unhandled.
 */
export function thrownOutcome(error: unknown, legacyAgent: boolean, cause: FailureCause = 'function'): { kind: ErrorKind; error: FcErrorBody } {
  if (!legacyAgent || isError(error)) return { kind: 'unhandled', error: unhandledError(error, legacyAgent, cause) };
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
    Object.assign(error, { name: `FunctionUnhandledError: ${String((error as { name?: unknown }).name)}` });
  }
  return { kind: 'handled', error: { ...handledError(error), cause } };
}

/**
 * A handler that could not be loaded: nodejs ≤ 16 name the type `FunctionUnhandledError: <type>` as for any thrown
 * error (runtime.md, Corrections 6: `FunctionUnhandledError: HandlerNotFound`, `…: ImportModuleError`).
 */
export function loadError(body: FcErrorBody, legacyAgent: boolean): FcErrorBody {
  return { ...body, ...(legacyAgent && body.errorType ? { errorType: `FunctionUnhandledError: ${body.errorType}` } : {}), cause: 'load' };
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)}MB`;

/** The platform's answer when the function runs past its timeout (seen in the wild: "Function timed out after 30 seconds"). */
export function timeoutError(timeoutSeconds: number, maxMemoryBytes: number): FcErrorBody {
  return { errorMessage: `Function timed out after ${timeoutSeconds} seconds (maxMemoryUsage: ${megabytes(maxMemoryBytes)})`, cause: 'timeout' };
}

/**
 * The platform's answer when the instance's process ends mid-invocation (process.exit, a crash, out of memory: FC's
 * wording for running out of memory is not documented, so it gets the same message).
 */
export function processExitedError(durationMs: number, maxMemoryBytes: number, cause: 'exit' | 'oom' = 'exit'): FcErrorBody {
  return {
    errorMessage: `Process exited unexpectedly before completing request (duration: ${Math.round(durationMs)}ms, maxMemoryUsage: ${Math.round(maxMemoryBytes / 2 ** 20)}MB)`,
    cause,
  };
}

/**
 * Why a deployed function's error answer failed. FC says so only in its message (the two above, as FC words
 * them), so this is the one place that reads message text: an answer over the wire carries nothing else.
 */
export function platformFailureCause(error: FcErrorBody): 'timeout' | 'exit' | 'function' {
  if (error.errorMessage.startsWith('Function timed out')) return 'timeout';
  if (error.errorMessage.startsWith('Process exited unexpectedly')) return 'exit';
  return 'function';
}
