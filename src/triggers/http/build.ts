import type { Fc2HttpRequest, HttpTriggerEvent } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate, utcSeconds, withDefaults } from '../_shared/common.js';

/**
 * An HTTP method an HTTP trigger can allow: `GET`, `POST`, `PUT`, `DELETE`, `HEAD`, `PATCH`, `OPTIONS`.
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/http-triggers-overview
 */
export type HttpMethod = HttpTriggerEvent['requestContext']['http']['method'];

/**
 * A header or query value: repeated names carry every value, in order.
 *
 * @example
 * ```ts
 * const accept: MultiValue = ['text/html', 'application/json'];
 * const event = buildHttpEvent({ headers: { Accept: accept }, query: { tag: ['a', 'b'] } });
 * event.headers.Accept; // 'text/html,application/json'
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export type MultiValue = string | readonly string[];

/**
 * One HTTP request to a function's HTTP trigger; the FC 3.0 event and the FC 2.0 request are two views of it.
 *
 * @example
 * ```ts
 * const request: Partial<HttpRequestParams> = { method: 'POST', path: '/users', headers: { 'Content-Type': 'application/json' }, body: '{"name":"a"}' };
 * const fc3Event = buildHttpEvent(request);
 * const fc2Request = buildFc2HttpRequest(request);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see https://help.aliyun.com/document_detail/74757.html
 */
export interface HttpRequestParams {
  method: HttpMethod;
  /** The decoded path, e.g. `/users/张三`; the event's rawPath is its percent-encoded form. */
  path: string;
  /** Decoded query parameters. */
  query: Readonly<Record<string, MultiValue>>;
  /** Headers with the case the client sent. */
  headers: Readonly<Record<string, MultiValue>>;
  /** A string is sent as UTF-8; bytes that are not valid UTF-8 make a base64 body (isBase64Encoded). */
  body: string | Uint8Array;
  sourceIp: string;
  accountId: string;
  region: string;
  /** The HTTP trigger's id: the fcapp.run subdomain. Default: derived from account and region. */
  triggerId?: string;
  time: TimeInput;
}

/**
 * The parameters of the default HTTP request: `GET /` from curl, no body.
 *
 * @example
 * ```ts
 * const event = buildHttpEvent({ ...httpRequestDefaults, headers: { ...httpRequestDefaults.headers, Authorization: 'Bearer t' } });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export const httpRequestDefaults: HttpRequestParams = {
  method: 'GET',
  path: '/',
  query: {},
  headers: { Accept: '*/*', 'User-Agent': 'curl/8.5.0' },
  body: '',
  sourceIp: '42.120.74.103',
  accountId: DEFAULT_ACCOUNT_ID,
  region: DEFAULT_REGION,
  time: DEFAULT_TIME,
};

const values = (value: MultiValue): readonly string[] => (typeof value === 'string' ? [value] : value);

function headerValue(headers: HttpRequestParams['headers'], name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found ? values(found[1])[0] : undefined;
}

/**
 * A header name as FC 3.0 puts it in the HTTP event: Go's canonical MIME form (`content-type` → `Content-Type`,
 * `x-acs-action` → `X-Acs-Action`); a name with characters outside an HTTP token stays as it is, as Go leaves it.
 * Source: the real event devsapp/fc3 captured (events.md, Corrections: sent lower-case, arrived canonical); the form
 * is Go's `textproto.CanonicalMIMEHeaderKey`.
 *
 * @example
 * ```ts
 * canonicalHeaderName('x-forwarded-proto'); // 'X-Forwarded-Proto'
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export function canonicalHeaderName(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

/** FC 3.0's event headers: canonical names, a name sent several times (in any case) once with its values comma-joined. */
function fc3Headers(headers: HttpRequestParams['headers']): Record<string, string> {
  const joined: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const canonical = canonicalHeaderName(name);
    joined[canonical] = [...(joined[canonical] ?? []), ...values(value)];
  }
  return Object.fromEntries(Object.entries(joined).map(([name, all]) => [name, all.join(',')]));
}

/**
 * How many bytes each byte of a path's UTF-8 takes encoded: 1 for what an encoded path keeps as it is (the slash and
 * what encodeURIComponent leaves, less `!'()*`, which clients escape in paths too), 3 for `%XX`.
 */
export const encodedPathByteWidths = Uint8Array.from({ length: 256 }, (_, byte) => (/[A-Za-z0-9\-_.~/]/.test(String.fromCharCode(byte)) ? 1 : 3));
const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');
/** In a `u` pattern, a surrogate alone (a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Percent-encodes a decoded path the way clients send it: every segment encoded, the slashes kept.
 *
 * @example
 * ```ts
 * encodePath('/users/张三/a b'); // '/users/%E5%BC%A0%E4%B8%89/a%20b'
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export function encodePath(path: string): string {
  // A lone surrogate has no UTF-8 (Buffer.from would write U+FFFD for it): encodeURIComponent throws URIError.
  if (LONE_SURROGATE.test(path)) return encodeURIComponent(path);
  // Byte by byte from a table: half the time of encodeURIComponent, then putting back the slashes and escaping
  // `!'()*` (OSS generators encode every other key, and --count draws tens of thousands a second).
  const bytes = Buffer.from(path, 'utf8');
  let length = 0;
  for (let at = 0; at < bytes.length; at++) length += encodedPathByteWidths[bytes[at]!]!;
  if (length === bytes.length) return path;
  const encoded = Buffer.allocUnsafe(length);
  let end = 0;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (encodedPathByteWidths[byte] === 1) encoded[end++] = byte;
    else {
      encoded[end++] = 0x25; // %
      encoded[end++] = HEX_DIGITS[byte >> 4]!;
      encoded[end++] = HEX_DIGITS[byte & 15]!;
    }
  }
  return encoded.toString('latin1');
}

export function queryString(query: HttpRequestParams['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const item of values(value)) search.append(name, item);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The body as FC 3.0 puts it in the event: text as is, bytes that are not UTF-8 as base64. */
function encodeBody(body: HttpRequestParams['body']): { body: string; isBase64Encoded: boolean } {
  if (typeof body === 'string') return { body, isBase64Encoded: false };
  const bytes = Buffer.from(body);
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? { body: text, isBase64Encoded: false } : { body: bytes.toString('base64'), isBase64Encoded: true };
}

function triggerIdFor(p: HttpRequestParams): string {
  return p.triggerId ?? `fc-sim-${derivedHex(10, 'http-trigger', p.accountId, p.region)}`;
}

/**
 * The FC 3.0 HTTP trigger event: header names canonical, multi-values comma-joined, rawPath encoded, timeEpoch the
 * same instant as time.
 *
 * @example
 * ```ts
 * const event = buildHttpEvent({ method: 'POST', path: '/users', query: { x: '1' }, body: '{"name":"a"}' });
 * const result = await invoke('index.handler', event, { runtime: 'nodejs20', http: { kind: 'fc3-http' } });
 * result.http?.statusCode;
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export function buildHttpEvent(overrides: Partial<HttpRequestParams> = {}): HttpTriggerEvent {
  const p = withDefaults(httpRequestDefaults, overrides);
  const time = toDate(p.time);
  const triggerId = triggerIdFor(p);
  const join = (map: HttpRequestParams['query']) => Object.fromEntries(Object.entries(map).map(([name, value]) => [name, values(value).join(',')]));
  const seconds = Math.floor(time.getTime() / 1000);
  return {
    version: 'v1',
    rawPath: encodePath(p.path),
    headers: fc3Headers(p.headers),
    queryParameters: join(p.query),
    ...encodeBody(p.body),
    requestContext: {
      accountId: p.accountId,
      domainName: `${triggerId}.${p.region}.fcapp.run`,
      domainPrefix: triggerId,
      http: {
        method: p.method,
        path: p.path,
        protocol: 'HTTP/1.1',
        sourceIp: p.sourceIp,
        userAgent: headerValue(p.headers, 'user-agent') ?? '',
      },
      // FC 3.0 request ids: "1-" + the Unix time in hex + random hex.
      requestId: `1-${seconds.toString(16).padStart(8, '0')}-${derivedHex(8, 'http-request', p.path, time.getTime())}-${derivedHex(12, 'http-request-2', p.path, time.getTime())}`,
      time: utcSeconds(time),
      timeEpoch: String(time.getTime()),
    },
  };
}

/** Headers Node keeps only the first value of when repeated (http.IncomingMessage); FC 2.0's request follows Node. */
const NODE_SINGLE_VALUE_HEADERS = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/**
 * The request as an FC 2.0 HTTP handler `(request, response, context)` sees it, as JSON data.
 *
 * @example
 * ```ts
 * const request = buildFc2HttpRequest({ method: 'GET', path: '/users/42', query: { expand: '1' } });
 * request.url; // '/users/42?expand=1'
 * ```
 * @see https://help.aliyun.com/document_detail/74757.html
 */
export function buildFc2HttpRequest(overrides: Partial<HttpRequestParams> = {}): Fc2HttpRequest {
  const p = withDefaults(httpRequestDefaults, overrides);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(p.headers)) {
    const key = name.toLowerCase();
    const all = [...values(headers[key] ?? []), ...values(value)];
    headers[key] = key === 'set-cookie' ? all : NODE_SINGLE_VALUE_HEADERS.has(key) ? all[0]! : all.join(', ');
  }
  const queries = Object.fromEntries(
    Object.entries(p.query).map(([name, value]) => [name, typeof value === 'string' || value.length !== 1 ? value : value[0]!]),
  );
  const url = `${encodePath(p.path)}${queryString(p.query)}`;
  return {
    method: p.method,
    path: p.path,
    url,
    clientIP: p.sourceIp,
    ip: p.sourceIp,
    queries: queries as Fc2HttpRequest['queries'],
    headers,
    body: typeof p.body === 'string' ? p.body : Buffer.from(p.body).toString('utf8'),
  };
}
