import { FcSimError } from '../../errors.js';
import type { ApiGatewayEvent } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_REGION, DEFAULT_TIME, derivedHex, derivedUuid, toDate, utcSeconds, withDefaults } from '../_shared/common.js';
import { namesOf } from '../_shared/names.js';
import { fillPath } from './path.js';

/**
 * The method of a call (`ANY` exists in API definitions only).
 *
 * @example
 * ```ts
 * const method: ApigwMethod = 'PATCH';
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApigwMethod = ApiGatewayEvent['httpMethod'];

/**
 * How API Gateway passes the body: base64 (most captured events, POSTed JSON and empty bodies alike) or as text
 * (a captured form call).
 *
 * @example
 * ```ts
 * const event = buildApigwEvent({ method: 'POST', body: 'hello', bodyEncoding: 'text' as ApigwBodyEncoding }); // body 'hello'
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApigwBodyEncoding = 'base64' | 'text';

/**
 * The environments an API is published to; a client picks one with the `X-Ca-Stage` header (RELEASE without it).
 *
 * @example
 * ```ts
 * const stage: ApigwStage = 'TEST';
 * buildApigwEvent({ stage }).headers['X-Ca-Stage']; // 'TEST'
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApigwStage = 'RELEASE' | 'PRE' | 'TEST';

/**
 * System parameters an API can map into headers of the backend request, by the names a real event shows them
 * (wikicivi crawler SDK: CaRequestId, CaClientIp, CaDomain, …); each value comes from the request.
 *
 * @example
 * ```ts
 * const mapped: ApigwSystemParameter[] = ['CaClientIp', 'CaRequestId'];
 * buildApigwEvent({ systemParameters: mapped, sourceIp: '10.0.0.1' }).headers.CaClientIp; // '10.0.0.1'
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApigwSystemParameter =
  | 'CaRequestId'
  | 'CaClientIp'
  | 'CaDomain'
  | 'CaHttpSchema'
  | 'CaProxy'
  | 'CaClientUa'
  | 'CaApiName'
  | 'CaRequestHandleTime'
  | 'CaAppId';

export const APIGW_SYSTEM_PARAMETERS = namesOf<ApigwSystemParameter>({
  CaRequestId: true,
  CaClientIp: true,
  CaDomain: true,
  CaHttpSchema: true,
  CaProxy: true,
  CaClientUa: true,
  CaApiName: true,
  CaRequestHandleTime: true,
  CaAppId: true,
});

/**
 * Headers API Gateway sets itself (lower-cased): the client cannot send them through (`X-Ca-Stage` is the stage
 * parameter's, the system parameters the API's).
 */
export const GATEWAY_HEADERS: ReadonlySet<string> = new Set(
  ['X-Ca-Api-Gateway', 'X-Forwarded-For', 'X-Real-IP', 'X-Forwarded-Proto', 'CA-Host', 'X-Ca-Stage', ...APIGW_SYSTEM_PARAMETERS].map((name) =>
    name.toLowerCase(),
  ),
);

export const APIGW_METHODS = namesOf<ApigwMethod>({ GET: true, POST: true, PUT: true, DELETE: true, HEAD: true, PATCH: true, OPTIONS: true });

/**
 * One call of an API whose backend is an FC event function: what the client sent, and what the API maps. The
 * parameters of {@link buildApigwEvent}; every one has a default ({@link apigwRequestDefaults}).
 *
 * @example
 * ```ts
 * const params: Partial<ApigwRequestParams> = { method: 'PUT', path: '/users/[id]', pathParameters: { id: '42' }, body: '{"name":"a"}' };
 * const event = buildApigwEvent(params); // event.path === '/users/42', event.isBase64Encoded === true
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export interface ApigwRequestParams {
  method: ApigwMethod;
  /** The API's request path as defined on the API: `[name]` segments are path parameters (`/users/[id]`). */
  path: string;
  /** The values of the path's `[name]` segments: the event's `path` has them filled in. */
  pathParameters: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** The client's headers, in the case it sent them; those API Gateway sets itself ({@link GATEWAY_HEADERS}) are its own. */
  headers: Readonly<Record<string, string>>;
  /** Text is sent as UTF-8; bytes that are not UTF-8 can only be passed base64. */
  body: string | Uint8Array;
  bodyEncoding: ApigwBodyEncoding;
  stage: ApigwStage;
  /** System parameters the API maps into headers, e.g. `['CaClientIp', 'CaRequestId']`. */
  systemParameters: readonly ApigwSystemParameter[];
  /** The gateway's request id (`X-Ca-Api-Gateway`, `CaRequestId`). Default: an upper-case UUID derived from the request. */
  requestId?: string;
  /** The domain the client called (`CA-Host`, `CaDomain`). Default: the group's `<32 hex>-<region>.alicloudapi.com`. */
  host?: string;
  /** The API's name (`CaApiName`). */
  apiName: string;
  protocol: 'http' | 'https';
  sourceIp: string;
  region: string;
  time: TimeInput;
}

/**
 * The defaults of {@link buildApigwEvent}: a curl GET of `/` through RELEASE, at a fixed time, so that events are
 * reproducible.
 *
 * @example
 * ```ts
 * const event = buildApigwEvent({ ...apigwRequestDefaults, path: '/health' });
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export const apigwRequestDefaults: ApigwRequestParams = {
  method: 'GET',
  path: '/',
  pathParameters: {},
  query: {},
  headers: { Accept: '*/*', 'User-Agent': 'curl/8.5.0' },
  body: '',
  bodyEncoding: 'base64',
  stage: 'RELEASE',
  systemParameters: [],
  apiName: 'fc_sim_api',
  protocol: 'https',
  sourceIp: '42.120.74.103',
  region: DEFAULT_REGION,
  time: DEFAULT_TIME,
};

const invalid = (message: string, hint: string): never => {
  throw new FcSimError('E_INVALID_PARAMS', message, hint);
};

function bodyBytes(body: ApigwRequestParams['body']): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
}

function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

function encodeBody(body: ApigwRequestParams['body'], encoding: ApigwBodyEncoding): { body: string; isBase64Encoded: boolean } {
  const bytes = bodyBytes(body);
  if (encoding === 'base64') return { body: bytes.toString('base64'), isBase64Encoded: true };
  if (typeof body === 'string') return { body, isBase64Encoded: false };
  if (!isUtf8(bytes))
    invalid(
      'bodyEncoding "text" with a body that is not UTF-8: API Gateway passes binary bodies base64',
      'leave bodyEncoding at "base64" (--body-encoding base64)',
    );
  return { body: bytes.toString('utf8'), isBase64Encoded: false };
}

/** The Content-Type a client sends with a body it did not label: JSON, text, or bytes. */
function contentTypeOf(bytes: Buffer): string {
  if (!isUtf8(bytes)) return 'application/octet-stream';
  try {
    JSON.parse(bytes.toString('utf8'));
    return 'application/json; charset=UTF-8';
  } catch {
    return 'text/plain; charset=UTF-8';
  }
}

const headerIn = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const hosts = new Map<string, string>();

/** The group's second-level domain API Gateway gives every API group (one hash per region, kept). */
export function defaultHost(region: string): string {
  let host = hosts.get(region);
  if (host === undefined) {
    host = `${derivedHex(32, 'apigw-group', region)}-${region}.alicloudapi.com`;
    // Drawn region ids are sometimes any id the pattern allows: keep the cache small.
    if (hosts.size >= 64) hosts.clear();
    hosts.set(region, host);
  }
  return host;
}

/**
 * The event API Gateway sends an FC event function: the path with its parameters filled in, the client's headers
 * plus the gateway's (`X-Ca-Api-Gateway` request id, `X-Forwarded-For`, `X-Real-IP`, `X-Forwarded-Proto`,
 * `CA-Host`, `X-Ca-Stage` off RELEASE, the mapped system parameters), a Content-Type for an unlabelled body, and the
 * body base64 unless `bodyEncoding` is `text`. Throws `E_INVALID_PARAMS` for a path parameter the path has no
 * `[name]` for (or the other way round), and for a binary body with `bodyEncoding: 'text'`.
 *
 * @example
 * ```ts
 * const event = buildApigwEvent({ method: 'POST', path: '/orders', body: '{"sku":"a-1"}', systemParameters: ['CaClientIp'] });
 * const body = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString(); // '{"sku":"a-1"}'
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export function buildApigwEvent(overrides: Partial<ApigwRequestParams> = {}): ApiGatewayEvent {
  const p = withDefaults(apigwRequestDefaults, overrides);
  const time = toDate(p.time);
  const path = fillPath(p.path, p.pathParameters);
  const host = p.host ?? defaultHost(p.region);
  const requestId = p.requestId ?? derivedUuid('apigw-request', p.method, path, time.getTime(), p.sourceIp).toUpperCase();
  const bytes = bodyBytes(p.body);
  // One object filled in order (spreads of drawn header maps cost more than the rest of the event).
  const headers: Record<string, string> = {};
  if (bytes.length > 0 && headerIn(p.headers, 'content-type') === undefined) headers['Content-Type'] = contentTypeOf(bytes);
  for (const [name, value] of Object.entries(p.headers)) if (!GATEWAY_HEADERS.has(name.toLowerCase())) headers[name] = value;
  if (p.stage !== 'RELEASE') headers['X-Ca-Stage'] = p.stage;
  headers['X-Ca-Api-Gateway'] = requestId;
  headers['X-Forwarded-For'] = p.sourceIp;
  headers['X-Real-IP'] = p.sourceIp;
  headers['X-Forwarded-Proto'] = p.protocol;
  headers['CA-Host'] = host;
  for (const name of p.systemParameters) headers[name] = systemParameter(name, p, { requestId, host, time });
  return {
    path,
    httpMethod: p.method,
    headers,
    queryParameters: { ...p.query },
    pathParameters: { ...p.pathParameters },
    ...encodeBody(p.body, p.bodyEncoding),
  };
}

/** The value API Gateway gives a mapped system parameter, from the request. */
function systemParameter(name: ApigwSystemParameter, p: ApigwRequestParams, derived: { requestId: string; host: string; time: Date }): string {
  switch (name) {
    case 'CaRequestId':
      return derived.requestId;
    case 'CaClientIp':
      return p.sourceIp;
    case 'CaDomain':
      return derived.host;
    case 'CaHttpSchema':
      return p.protocol.toUpperCase();
    case 'CaProxy':
      return 'AliCloudAPIGateway';
    case 'CaClientUa':
      return headerIn(p.headers, 'user-agent') ?? '';
    case 'CaApiName':
      return p.apiName;
    case 'CaRequestHandleTime':
      return utcSeconds(derived.time);
    case 'CaAppId':
      // The id of the calling app; the real event of an anonymous call shows the text "null".
      return 'null';
  }
}
