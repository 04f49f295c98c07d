import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import type { HttpMethod, HttpRequestParams, MultiValue } from './build.js';
import { buildFc2HttpRequest, buildHttpEvent } from './build.js';
import type { Fc2HttpRequest, HttpTriggerEvent } from '../../types/generated.js';
import type { BodyKind } from '../../../generators/internal/bodies.js';
import { REQUEST_BODIES } from '../../../generators/internal/bodies.js';
import { definedOnly, fixedOr, narrowed } from '../../../generators/internal/params.js';
import { pathSegment } from '../../../generators/internal/paths.js';
import { arbitraryAt } from '../../../generators/internal/schema-arbitrary.js';
import { alphanumeric, asciiText, multiByteText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';
import { accountId, regionId } from '../../../generators/internal/values.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * What a request body is made of: none, UTF-8 text (as a string or as bytes), a JSON document, bytes that are not UTF-8.
 *
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export type HttpBodyKind = BodyKind;

/**
 * Fix any request parameter (`{ path: '/users' }`) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: HttpRequestConstraints = { path: '/items', methods: ['GET', 'POST'], bodyKinds: ['json'] };
 * await checkHandler({ handler: 'index.handler', trigger: 'http', constraints });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#property-based-contract-tests
 */
export interface HttpRequestConstraints extends Partial<HttpRequestParams> {
  /** Draw the method from these only. */
  methods?: readonly HttpMethod[];
  /** Draw bodies of these kinds only. Default: all, GET and HEAD requests mostly without a body. */
  bodyKinds?: readonly HttpBodyKind[];
}

/** The Content-Type a client sends with each kind of body. */
const CONTENT_TYPES: Readonly<Record<Exclude<HttpBodyKind, 'empty'>, string>> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
  binary: 'application/octet-stream',
};

/** Methods that rarely carry a body. */
const BODILESS = new Set<HttpMethod>(['GET', 'HEAD']);

/** `/`, then segments with spaces, non-ASCII and reserved characters, sometimes a trailing slash. */
const path = fc
  .tuple(fc.array(pathSegment(), { maxLength: 4 }), fc.boolean())
  .map(([segments, trailingSlash]) => `/${segments.join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`);

/** One value, or a name repeated with 2–3 values (`?tag=a&tag=b`, two Accept headers). */
function multiValue(value: fc.Arbitrary<string>): fc.Arbitrary<MultiValue> {
  return fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) });
}

const queryName = fc.oneof(
  fc.string({ unit: alphanumeric, minLength: 1, maxLength: 8 }),
  fc.constantFrom('page', 'q', 'tag', 'filter[name]', 'ids[]', 'redirect_uri'),
  multiByteText(4),
);
const queryValue = fc.oneof(fc.constant(''), fc.string({ unit: alphanumeric, maxLength: 8 }), asciiText(16), multiByteText(8));
const query = fc.dictionary(queryName, multiValue(queryValue), { maxKeys: 4, noNullPrototype: true });

/** Header names in the cases clients send them; User-Agent and Content-Type are set apart. */
const headerName = fc.oneof(
  fc.constantFrom('Accept', 'Accept-Language', 'Accept-Encoding', 'Cookie', 'X-Forwarded-For', 'Authorization', 'Cache-Control', 'x-request-id'),
  matching(/^[Xx]-[A-Za-z][A-Za-z0-9-]{0,15}$/),
);
/** Header values: visible ASCII (HTTP/1.1 field values), no surrounding spaces, which servers strip. */
const headerValue = asciiText(32).map((value) => value.trim());
const userAgent = fc.constantFrom(
  'curl/8.5.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'okhttp/4.12.0',
);

/**
 * The request: the model both the FC 3.0 event and the FC 2.0 request are built from.
 *
 * @example
 * ```ts
 * const both = httpRequest({ methods: ['POST'] }).map((request) => [buildHttpEvent(request), buildFc2HttpRequest(request)] as const);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#property-based-contract-tests
 */
export function httpRequest(constraints: HttpRequestConstraints = {}): fc.Arbitrary<HttpRequestParams> {
  const { methods, bodyKinds = ['empty', 'text', 'json', 'binary'], ...rest } = constraints;
  const fixed = definedOnly(rest);
  if (bodyKinds.length === 0)
    throw new FcSimError('E_INVALID_PARAMS', 'bodyKinds is empty: no body kind left to draw', 'leave bodyKinds out to draw every kind of body');
  return fc
    .record({
      method: fixedOr(fixed.method, narrowed(methods, arbitraryAt('http', '/requestContext/http/method') as fc.Arbitrary<HttpMethod>)),
      path: fixedOr(fixed.path, path),
      query: fixedOr(fixed.query, query),
      userAgent: fc.option(userAgent, { nil: undefined, freq: 8 }),
      headers: fc.uniqueArray(fc.tuple(headerName, multiValue(headerValue)), { maxLength: 5, selector: ([name]) => name.toLowerCase() }),
      body: fc.oneof({ withCrossShrink: true }, ...bodyKinds.map((kind) => REQUEST_BODIES[kind].map((body) => ({ kind, body })))),
      // Most GET/HEAD requests have no body; one in ten keeps the one drawn.
      bodyOnBodiless: fc.nat(9).map((n) => n === 9),
      sourceIp: fixedOr(fixed.sourceIp, fc.oneof({ weight: 9, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.ipV6() })),
      accountId: fixedOr(fixed.accountId, accountId()),
      region: fixedOr(fixed.region, regionId()),
      time: fixedOr(fixed.time, instant('millisecond')),
    })
    .map(({ userAgent, headers, body, bodyOnBodiless, ...drawn }) => {
      const dropBody = BODILESS.has(drawn.method) && !bodyOnBodiless && bodyKinds.includes('empty');
      const { kind, body: content } = dropBody ? { kind: 'empty' as const, body: '' } : body;
      return {
        ...drawn,
        headers: {
          ...(userAgent === undefined ? {} : { 'User-Agent': userAgent }),
          // Only a drawn body's kind is known; a fixed body gets no Content-Type.
          ...(kind === 'empty' || fixed.body !== undefined ? {} : { 'Content-Type': CONTENT_TYPES[kind] }),
          ...Object.fromEntries(headers),
        },
        body: content,
        ...fixed,
      };
    });
}

/**
 * FC 3.0 HTTP trigger events: rawPath encoded, multi-values comma-joined, non-UTF-8 bodies base64.
 *
 * @example
 * ```ts
 * await checkHandler({ handler: 'index.handler', arbitrary: httpEvent({ path: '/users', methods: ['GET'] }), delivery: 'fc3-http' });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#property-based-contract-tests
 */
export function httpEvent(constraints: HttpRequestConstraints = {}): fc.Arbitrary<HttpTriggerEvent> {
  return httpRequest(constraints).map((request) => buildHttpEvent(request));
}

/**
 * FC 2.0 HTTP handler requests, the same requests as {@link httpEvent} seen through `(request, response, context)`.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fc2HttpRequest({ methods: ['PUT'] }), (request) => validate('fc2-http-request', request).valid));
 * ```
 * @see https://help.aliyun.com/document_detail/74757.html
 * @see README.md#property-based-contract-tests
 */
export function fc2HttpRequest(constraints: HttpRequestConstraints = {}): fc.Arbitrary<Fc2HttpRequest> {
  return httpRequest(constraints).map((request) => buildFc2HttpRequest(request));
}

/**
 * FC 2.0 HTTP calls as the contract kit makes them: the request and the bytes of its body, so that binary bodies
 * reach the handler intact (the request's `body` is text).
 */
export function fc2HttpCall(constraints: HttpRequestConstraints = {}): fc.Arbitrary<{ request: Fc2HttpRequest; body: string | Uint8Array }> {
  return httpRequest(constraints).map((params) => ({ request: buildFc2HttpRequest(params), body: params.body }));
}
