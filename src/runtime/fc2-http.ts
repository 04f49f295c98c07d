import { Readable } from 'node:stream';
import type { Fc2HttpRequest } from '../types/generated.js';
import { unhandledError } from './fc-errors.js';
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
 * The request an FC 2.0 HTTP handler receives: a readable stream of the body (so `getRawBody(request)` works), with
 * FC's fields (`method`, `path`, `url`, `clientIP`, `ip`, `queries`, `headers`, `body`) and `getHeader(name)`.
 */
export function fc2Request(request: Fc2HttpRequest, body: Buffer): Readable & Record<string, unknown> {
  const stream = Readable.from(body.length === 0 ? [] : [body], { objectMode: false }) as Readable & Record<string, unknown>;
  Object.assign(stream, {
    method: request.method,
    path: request.path,
    url: request.url,
    clientIP: request.clientIP,
    ip: request.clientIP,
    queries: request.queries,
    headers: request.headers,
    body,
    getHeader: (name: string) => request.headers[name.toLowerCase()],
  });
  return stream;
}

/**
 * The response object, with the nodejs16 runtime's rules: an integer status, string (or string[]) headers,
 * `send(string | Buffer | stream.Readable)` once; changes after send throw. Streams are read whole before FC
 * answers (no true streaming).
 */
export function fc2Response(answer: (answer: HttpAnswer) => void, fail: (error: Error) => void) {
  let statusCode = 200;
  const headers: Record<string, string | string[]> = {};
  let sent = false;
  const notSent = (what: string) => {
    if (sent) throw new Error(`can not ${what} after send`);
  };
  const finish = (body: Buffer) => {
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !isReservedResponseHeader(name)));
    answer({ statusCode, headers: kept, body });
  };
  return {
    setStatusCode(code: unknown) {
      notSent('set the status code');
      if (!Number.isInteger(code)) throw new TypeError(`status code should be an integer, got ${JSON.stringify(code)}`);
      statusCode = code as number;
    },
    setHeader(name: string, value: string | string[]) {
      notSent('set a header');
      headers[name] = Array.isArray(value) ? value.map(String) : String(value);
    },
    deleteHeader(name: string) {
      notSent('delete a header');
      delete headers[name];
    },
    hasHeader: (name: string) => Object.hasOwn(headers, name),
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
 * misuse of the response (sending twice, a non-integer status) is an unhandled error. What it returns is ignored.
 */
export function runFc2HttpHandler(fn: AnyFunction, request: Fc2HttpRequest, body: Buffer, context: object, traits: RuntimeTraits): Promise<HandlerOutcome> {
  const answer = firstAnswer<HandlerOutcome>();
  // After the response is sent, FC has answered: a later error (a second send) only reaches the log.
  const fail = (error: unknown) =>
    answer.settled ? console.error(error) : answer.settle({ kind: 'unhandled', error: unhandledError(error, traits.generation) });
  const response = fc2Response(({ statusCode, headers, body: sent }) => answer.settle({ kind: 'success', body: sent, http: { statusCode, headers } }), fail);
  try {
    const returned = (fn as (...args: unknown[]) => unknown)(fc2Request(request, body), response, context);
    if (returned instanceof Promise) returned.catch(fail);
  } catch (error) {
    fail(error);
  }
  return answer.promise;
}
