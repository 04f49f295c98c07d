import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { Fc2HttpRequest } from '../types/generated.js';
import { thrownOutcome } from './fc-errors.js';
import type { AnyFunction, HandlerOutcome } from './run-handler.js';
import { firstAnswer } from './run-handler.js';
import { isReservedResponseHeader } from './reserved-headers.js';
import type { RuntimeTraits } from './runtimes.js';

/** What an FC 2.0 HTTP handler answered with `response.send`. */
export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * The request an FC 2.0 HTTP handler receives, as FC's nodejs12–16 agent builds it (runtime.md, Corrections 8,
 * AGENT `httpparam.js`): an `http.IncomingMessage` (so express/koa adapters and `getRawBody(request)` work) on a stub
 * socket whose `remoteAddress` is the client IP and which is `encrypted`, HTTP/1.1, emitting the body once, with FC's
 * fields (`method`, `path`, `url`, `clientIP`, `ip`, `queries`, `headers`, `body`) and `getHeader(name)`.
 */
export function fc2Request(request: Fc2HttpRequest, body: Buffer): IncomingMessage & Record<string, unknown> {
  const socket = { remoteAddress: request.clientIP, remotePort: 0, encrypted: true, readable: false, destroyed: false, destroy: () => undefined };
  const message = new IncomingMessage(socket as unknown as Socket) as IncomingMessage & Record<string, unknown>;
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) for (const one of Array.isArray(value) ? value : [value]) rawHeaders.push(name, String(one));
  Object.assign(message, {
    httpVersion: '1.1',
    httpVersionMajor: 1,
    httpVersionMinor: 1,
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders,
    path: request.path,
    clientIP: request.clientIP,
    ip: request.clientIP,
    queries: request.queries,
    body,
    getHeader: (name: string) => request.headers[name.toLowerCase()],
  });
  if (body.length > 0) message.push(body);
  message.push(null);
  message.complete = true;
  return message;
}

/**
 * The response object, with the nodejs12–16 agent's rules and words (runtime.md §4.1 and Corrections 8, AGENT
 * `httpparam.js`): an integer status, string (or string[]) header names and values, a TypeError otherwise (a number
 * too: FC does not convert it); `send(string | Buffer | stream.Readable)` once; headers cannot change after it. Streams
 * are read whole before FC answers (no true streaming).
 */
export function fc2Response(answer: (answer: HttpAnswer) => void, fail: (error: Error) => void) {
  let statusCode = 200;
  const headers: Record<string, string | string[]> = {};
  let sent = false;
  // The source gives this text for headers; the status and deletions are refused the same way after send.
  const notSent = () => {
    if (sent) throw new Error('can not set headers after they are sent');
  };
  const finish = (body: Buffer) => {
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !isReservedResponseHeader(name)));
    answer({ statusCode, headers: kept, body });
  };
  return {
    setStatusCode(code: unknown) {
      notSent();
      if (!Number.isInteger(code)) throw new TypeError('statusCode should be a `integer`');
      statusCode = code as number;
    },
    setHeader(name: unknown, value: unknown) {
      notSent();
      if (typeof name !== 'string') throw new TypeError('headerKey should be a `string`');
      const valid = typeof value === 'string' || (Array.isArray(value) && value.every((one) => typeof one === 'string'));
      if (!valid) throw new TypeError('headerValue should be a `string`');
      headers[name] = value as string | string[];
    },
    deleteHeader(name: string) {
      notSent();
      delete headers[name];
    },
    // Not Object.hasOwn: this runs in the instance's process, on Node 12 too (tsconfig.child.json).
    // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn does not exist on Node 12 and 14
    hasHeader: (name: string) => Object.prototype.hasOwnProperty.call(headers, name),
    send(body: unknown) {
      if (sent) throw new Error('can not send multi times');
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        sent = true;
        finish(Buffer.from(body));
        return;
      }
      if (body instanceof Readable) {
        sent = true;
        const chunks: Buffer[] = [];
        body.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
        body.on('end', () => finish(Buffer.concat(chunks)));
        body.on('error', fail);
        return;
      }
      throw new TypeError('buffer should be a `Buffer` or a `string` or a `stream.Readable`');
    },
  };
}

/**
 * Calls an FC 2.0 HTTP handler `(request, response, context)`: `response.send` answers; a throw, a rejection or a
 * misuse of the response (a number as a header value, a non-integer status) fails the invocation; after the answer
 * (a second send) it only reaches the log. What it returns is ignored.
 */
export function runFc2HttpHandler(fn: AnyFunction, request: Fc2HttpRequest, body: Buffer, context: object, traits: RuntimeTraits): Promise<HandlerOutcome> {
  const answer = firstAnswer<HandlerOutcome>();
  // After the response is sent, FC has answered: a later error (a second send) only reaches the log.
  const fail = (error: unknown) => (answer.settled ? console.error(error) : answer.settle(thrownOutcome(error, traits.legacyAgent)));
  const response = fc2Response(({ statusCode, headers, body: sent }) => answer.settle({ kind: 'success', body: sent, http: { statusCode, headers } }), fail);
  try {
    const returned = (fn as (...args: unknown[]) => unknown)(fc2Request(request, body), response, context);
    if (returned instanceof Promise) returned.catch(fail);
  } catch (error) {
    fail(error);
  }
  return answer.promise;
}
