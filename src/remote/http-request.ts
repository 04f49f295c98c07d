import type { InvokeOptions } from '../runtime/instance.js';
import { encodePath } from '../triggers/http/build.js';
import type { HeaderMap } from './headers.js';
import { isJsonText } from './json-text.js';

/** The HTTP request an HTTP event stands for, to send for real. */
export interface OutgoingRequest {
  method: string;
  /** Percent-encoded, without the query. */
  path: string;
  query: Array<[string, string]>;
  headers: HeaderMap;
  body: Buffer;
}

/**
 * Headers a client does not forward: they describe the connection (host and length are the new request's own) or
 * are FC's (requests may not carry custom `x-fc-*` headers, runtime.md §5).
 */
const NOT_FORWARDED = /^(host|content-length|connection|keep-alive|transfer-encoding|upgrade|te|trailer|expect|proxy-connection|x-fc-.*)$/i;

export function forwardedHeaders(headers: Readonly<Record<string, unknown>>): HeaderMap {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_FORWARDED.test(name)) continue;
    const values = (Array.isArray(value) ? value : [value])
      .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
      .map(String);
    if (values.length === 0) continue;
    const key = name.toLowerCase();
    const existing = result[key];
    const all = existing === undefined ? values : [...(typeof existing === 'string' ? [existing] : existing), ...values];
    result[key] = all.length === 1 ? all[0]! : all;
  }
  return result;
}

type Fc3Event = {
  version?: unknown;
  rawPath?: unknown;
  headers?: Record<string, unknown>;
  queryParameters?: Record<string, unknown>;
  body?: unknown;
  isBase64Encoded?: unknown;
  requestContext?: { http?: { method?: unknown; path?: unknown } };
};

/**
 * The request of an HTTP event: an FC 3.0 HTTP trigger event (method, rawPath, headers, queryParameters, body) or an
 * FC 2.0 request (method, url, headers; the body is the event bytes). FC 3.0 joins repeated headers and query
 * values with commas; they are sent joined, as one value. Undefined for an event that is not an HTTP request.
 */
export function requestFromEvent(bytes: Buffer, http: InvokeOptions['http']): OutgoingRequest | undefined {
  if (http?.kind === 'fc2-http') {
    const { request } = http;
    const url = request.url || encodePath(request.path);
    const at = url.indexOf('?');
    const path = at === -1 ? url : url.slice(0, at);
    const query = at === -1 ? [] : [...new URLSearchParams(url.slice(at + 1))];
    return {
      method: request.method.toUpperCase(),
      path: path.startsWith('/') ? path : `/${path}`,
      query,
      headers: forwardedHeaders(request.headers ?? {}),
      body: bytes,
    };
  }
  if (http?.kind !== 'fc3-http') return undefined;
  let event: Fc3Event;
  try {
    event = JSON.parse(bytes.toString('utf8')) as Fc3Event;
  } catch {
    return undefined;
  }
  const method = event.requestContext?.http?.method;
  if (typeof method !== 'string') return undefined;
  const rawPath =
    typeof event.rawPath === 'string' ? event.rawPath : typeof event.requestContext?.http?.path === 'string' ? encodePath(event.requestContext.http.path) : '/';
  const query = Object.entries(event.queryParameters ?? {}).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []));
  const body = typeof event.body === 'string' ? Buffer.from(event.body, event.isBase64Encoded === true ? 'base64' : 'utf8') : Buffer.alloc(0);
  return { method: method.toUpperCase(), path: rawPath.startsWith('/') ? rawPath : `/${rawPath}`, query, headers: forwardedHeaders(event.headers ?? {}), body };
}

/** The content type of a plain event posted as a body: JSON when it parses, bytes otherwise. */
export function eventContentType(bytes: Buffer): string {
  return isJsonText(bytes) ? 'application/json' : 'application/octet-stream';
}
