// Hand-written: the functions FC's Node.js runtimes call and the live objects they pass, which the schemas (JSON
// data only) cannot describe: the logger's methods, the HTTP request stream and the response's methods.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Fc2Context, Fc2HttpRequest, Fc3Context, HttpTriggerResponse } from './generated.js';

/**
 * `context.logger`: writes `<ISO time> <requestId> [<level>] <message>` lines to the function's log; `log()` writes at
 * the level `setLogLevel` set (`error`, `warn`, `info`, `verbose`, `debug`, `silly`; another name is ignored).
 *
 * @example
 * ```ts
 * const logSize = (logger: FcLogger, event: Buffer) => logger.info('received', event.length, 'bytes');
 * const handler: Fc3EventHandler = async (event, context) => {
 *   context.logger.setLogLevel('info');
 *   logSize(context.logger, event);
 * };
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/logs-2
 */
export interface FcLogger {
  readonly requestId: string;
  log(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  setLogLevel(level: 'error' | 'warn' | 'info' | 'verbose' | 'debug' | 'silly' | (string & {})): void;
}

/**
 * The `context` an FC 2.0 handler receives: {@link Fc2Context}'s fields and `logger` (FC 2.0's also carries its level
 * as `logLevel`).
 *
 * @example
 * ```ts
 * const where = (context: Fc2HandlerContext) => `${context.service.name}/${context.function.name} (${context.logger.logLevel})`;
 * const handler: Fc2EventHandler = (_event, context, callback) => callback(null, where(context));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/context-3
 */
export type Fc2HandlerContext = Fc2Context & { logger: FcLogger & { logLevel: string } };

/**
 * The `context` an FC 3.0 handler receives: {@link Fc3Context}'s fields and `logger`.
 *
 * @example
 * ```ts
 * const traced = (context: Fc3HandlerContext) => context.logger.info(context.requestId, context.function.name);
 * const handler: Fc3EventHandler = async (_event, context) => traced(context);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/context
 */
export type Fc3HandlerContext = Fc3Context & { logger: FcLogger };

/**
 * How a handler answers without a promise: `callback(error)` fails the invocation, `callback(null, result)` returns.
 *
 * @example
 * ```ts
 * const done: FcCallback<string> = (error, result) => console.log(error ?? result);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/handlers
 */
export type FcCallback<R = unknown> = (error: Error | null | undefined, result?: R) => void;

/**
 * An FC 2.0 event handler: the event's bytes (JSON.parse them), the context, and a callback; or async, returning the
 * result.
 *
 * @example
 * ```ts
 * export const handler: Fc2EventHandler<number> = async (event, context) => {
 *   const oss = JSON.parse(event.toString()) as OssEvent;
 *   context.logger.info(oss.events[0].oss.object.key);
 *   return oss.events.length;
 * };
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/event-handlers
 */
export type Fc2EventHandler<R = unknown> = (event: Buffer, context: Fc2HandlerContext, callback: FcCallback<R>) => void | Promise<R>;

/**
 * An FC 3.0 event handler: the event's bytes, the context, and a callback; or async, returning the result.
 *
 * @example
 * ```ts
 * export const handler: Fc3EventHandler<string> = async (event) => {
 *   const timer = JSON.parse(event.toString()) as TimerEvent;
 *   return timer.triggerTime;
 * };
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/handlers
 */
export type Fc3EventHandler<R = unknown> = (event: Buffer, context: Fc3HandlerContext, callback: FcCallback<R>) => void | Promise<R>;

/**
 * The request an FC 2.0 HTTP handler receives: an `http.IncomingMessage` (a stream of the body, for `getRawBody` and
 * framework adapters) with FC's fields ({@link Fc2HttpRequest}), the body as a Buffer, and `getHeader(name)`.
 *
 * @example
 * ```ts
 * const summary = (request: Fc2HttpHandlerRequest) => `${request.method} ${request.path} from ${request.clientIP}: ${request.body.length} bytes`;
 * const handler: Fc2HttpHandler = (request, response) => response.send(summary(request));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/http-handlers
 */
export type Fc2HttpHandlerRequest = IncomingMessage &
  Omit<Fc2HttpRequest, 'body'> & {
    body: Buffer;
    getHeader(name: string): string | string[] | undefined;
  };

/**
 * The response of an FC 2.0 HTTP handler: the status and headers, then `send` once (a string, a Buffer or a stream).
 *
 * @example
 * ```ts
 * const created = (response: Fc2HttpResponse, body: object) => {
 *   response.setStatusCode(201);
 *   response.setHeader('content-type', 'application/json');
 *   response.send(JSON.stringify(body));
 * };
 * const handler: Fc2HttpHandler = (_request, response) => created(response, { created: true });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/http-handlers
 */
export interface Fc2HttpResponse {
  /** An integer; anything else is a TypeError. */
  setStatusCode(statusCode: number): void;
  /** A string or string array; a number is a TypeError (FC does not convert it). */
  setHeader(name: string, value: string | string[]): void;
  deleteHeader(name: string): void;
  hasHeader(name: string): boolean;
  /** Once; after it, headers and the status cannot change. A stream is read whole before FC answers. */
  send(body: string | Buffer | Readable): void;
}

/**
 * An FC 2.0 HTTP handler `(request, response, context)`: `response.send` answers; what it returns is ignored.
 *
 * @example
 * ```ts
 * export const handler: Fc2HttpHandler = async (request, response, context) => {
 *   context.logger.info(request.method, request.url, request.queries);
 *   response.setHeader('content-type', 'text/plain');
 *   response.send(`hello ${request.headers['user-agent'] ?? 'anonymous'}`);
 * };
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/http-handlers
 */
export type Fc2HttpHandler = (request: Fc2HttpHandlerRequest, response: Fc2HttpResponse, context: Fc2HandlerContext) => void | Promise<void>;

/**
 * An FC 3.0 handler behind an HTTP trigger: the request arrives as an event ({@link HttpTriggerEvent}, JSON in the
 * bytes) and the result is the HTTP response ({@link HttpTriggerResponse}; FC also takes a string or other value as the
 * body of a 200).
 *
 * @example
 * ```ts
 * export const handler: Fc3HttpHandler = async (event) => {
 *   const request = JSON.parse(event.toString()) as HttpTriggerEvent;
 *   return { statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: `you asked for ${request.rawPath}` };
 * };
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export type Fc3HttpHandler = Fc3EventHandler<HttpTriggerResponse>;
