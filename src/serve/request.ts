import type { IncomingMessage } from 'node:http';
import { FcSimError } from '../errors.js';
import type { HttpMethod, HttpRequestParams } from '../triggers/http/build.js';

/**
 * An incoming request as FC's HTTP trigger takes it: the limits it enforces before any function runs, and the
 * request params (method, decoded path, multi-valued query and headers, body bytes) the event builders take.
 */

/** Request limits of HTTP triggers (runtime.md §4.1): over them FC answers 400 InvalidArgument. */
export const REQUEST_LIMITS = { headerBytes: 8 * 1024, urlBytes: 4 * 1024, bodyBytes: 32 * 2 ** 20 } as const;

/** A request FC refuses before any function runs: `fc-sim serve` answers it with `statusCode` and FC's `errorCode`. */
export class RequestRefused extends FcSimError {
  declare readonly code: 'E_REQUEST_REFUSED';
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
  ) {
    super('E_REQUEST_REFUSED', message);
    this.name = 'RequestRefused';
  }
}

/** Request headers FC does not pass on (runtime.md §4.1 and §5: `connection`, `keep-alive`, `x-fc-*`). */
const RESERVED_REQUEST_HEADERS = /^(connection|keep-alive|x-fc-.*)$/i;

/** The bytes of the request's headers as sent (`name: value\r\n` each). */
export function headerBytes(request: IncomingMessage): number {
  let total = 0;
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) total += Buffer.byteLength(raw[index]!) + Buffer.byteLength(raw[index + 1]!) + 4;
  return total;
}

/** Refuses what is over FC's limits on the request line and headers (the body is checked while it is read). */
export function checkRequestHead(request: IncomingMessage): void {
  const url = request.url ?? '/';
  if (Buffer.byteLength(url) > REQUEST_LIMITS.urlBytes) {
    throw new RequestRefused(400, 'InvalidArgument', `the path and query are ${Buffer.byteLength(url)} bytes; HTTP triggers accept ${REQUEST_LIMITS.urlBytes}`);
  }
  const headers = headerBytes(request);
  if (headers > REQUEST_LIMITS.headerBytes) {
    throw new RequestRefused(400, 'InvalidArgument', `the request headers are ${headers} bytes; HTTP triggers accept ${REQUEST_LIMITS.headerBytes}`);
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > REQUEST_LIMITS.bodyBytes) {
    throw new RequestRefused(400, 'InvalidArgument', `the body is ${length} bytes; a synchronous invocation accepts ${REQUEST_LIMITS.bodyBytes}`);
  }
}

/** Reads the whole body, refusing it as soon as it passes the limit (the rest is not read). */
export function readBody(request: IncomingMessage, limit: number = REQUEST_LIMITS.bodyBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        reject(new RequestRefused(400, 'InvalidArgument', `the body is over ${limit} bytes; a synchronous invocation accepts ${limit}`));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** Headers with the case the client sent (the first spelling of a name), repeated ones with every value; reserved ones dropped. */
export function requestHeaders(request: IncomingMessage): Record<string, string[]> {
  const byLower = new Map<string, { name: string; values: string[] }>();
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!;
    if (RESERVED_REQUEST_HEADERS.test(name)) continue;
    const lower = name.toLowerCase();
    const entry = byLower.get(lower) ?? { name, values: [] };
    entry.values.push(raw[index + 1]!);
    byLower.set(lower, entry);
  }
  return Object.fromEntries([...byLower.values()].map(({ name, values }) => [name, values]));
}

/** Decoded query parameters with every value of a repeated name. */
export function queryParams(search: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    result[name] ??= [];
    result[name].push(value);
  }
  return result;
}

/** The decoded path; a path that is not valid percent-encoding is refused, as FC refuses it. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new RequestRefused(400, 'InvalidArgument', `the path ${JSON.stringify(path)} is not valid percent-encoding`);
  }
}

/** The client's address, without the IPv4-mapped IPv6 prefix. */
export function clientIp(request: IncomingMessage): string {
  return (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/** The request params the FC 3.0 event and the FC 2.0 request are built from. */
export function requestParams(
  request: IncomingMessage,
  parts: { method: HttpMethod; functionPath: string; search: string; body: Buffer; accountId: string; region: string; time: Date },
): HttpRequestParams {
  return {
    method: parts.method,
    path: decodePath(parts.functionPath),
    query: queryParams(parts.search),
    headers: requestHeaders(request),
    body: parts.body,
    sourceIp: clientIp(request),
    accountId: parts.accountId,
    region: parts.region,
    time: parts.time,
  };
}
