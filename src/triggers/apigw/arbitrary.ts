import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import type { ApiGatewayEvent } from '../../types/generated.js';
import type { BodyKind } from '../../../generators/internal/bodies.js';
import { REQUEST_BODIES } from '../../../generators/internal/bodies.js';
import { definedOnly, fixedOr, narrowed } from '../../../generators/internal/params.js';
import { pathSegment } from '../../../generators/internal/paths.js';
import { alphanumeric, asciiText, multiByteText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';
import { regionId } from '../../../generators/internal/values.js';
import type { ApigwBodyEncoding, ApigwMethod, ApigwRequestParams } from './build.js';
import { APIGW_METHODS, APIGW_SYSTEM_PARAMETERS, buildApigwEvent } from './build.js';
import { pathParameterNames } from './path.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * What a request body is made of: none, UTF-8 text (as a string or as bytes), a JSON document, bytes that are not UTF-8.
 *
 * @example
 * ```ts
 * const kinds: ApigwBodyKind[] = ['json', 'binary'];
 * fc.sample(apigwEvent({ bodyKinds: kinds }), 5);
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApigwBodyKind = BodyKind;

/**
 * Fix any request parameter (`{ path: '/users/[id]' }`: the path parameters' values are drawn) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: ApigwEventConstraints = { path: '/users/[id]', methods: ['GET', 'DELETE'], stage: 'RELEASE' };
 * fc.assert(fc.property(apigwEvent(constraints), (event) => event.path.startsWith('/users/')));
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export interface ApigwEventConstraints extends Partial<ApigwRequestParams> {
  /** Draw the method from these only. */
  methods?: readonly ApigwMethod[];
  /** Draw bodies of these kinds only. Default: all, GET and HEAD requests mostly without a body. */
  bodyKinds?: readonly ApigwBodyKind[];
}

/** Methods that rarely carry a body. */
const BODILESS = new Set<ApigwMethod>(['GET', 'HEAD']);

const literalSegment = fc.string({ unit: alphanumeric, minLength: 1, maxLength: 10 });
const parameterName = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.string({ unit: alphanumeric, maxLength: 7 }))
  .map(([first, rest]) => first + rest);

/** An API path: literal segments and `[name]` path parameters. */
const drawnPath = fc
  .array(fc.oneof({ weight: 3, arbitrary: literalSegment }, { weight: 1, arbitrary: parameterName.map((name) => `[${name}]`) }), { maxLength: 4 })
  .map((segments) => `/${segments.join('/')}`);

/** A path with a segment for each of these parameters, after literal segments. */
const pathWith = (names: readonly string[]) =>
  fc.array(literalSegment, { maxLength: 2 }).map((literals) => `/${[...literals, ...names.map((name) => `[${name}]`)].join('/')}`);

/** The API path and the values of its parameters: one non-empty segment each (spaces, non-ASCII, reserved characters). */
function pathAndParameters(fixed: Partial<ApigwRequestParams>): fc.Arbitrary<{ path: string; pathParameters: Readonly<Record<string, string>> }> {
  const path = fixed.path !== undefined ? fc.constant(fixed.path) : fixed.pathParameters ? pathWith(Object.keys(fixed.pathParameters)) : drawnPath;
  return path.chain((template) => {
    const values = fixed.pathParameters
      ? fc.constant(fixed.pathParameters)
      : fc.record(Object.fromEntries(pathParameterNames(template).map((name) => [name, pathSegment()])));
    return values.map((pathParameters) => ({ path: template, pathParameters }));
  });
}

const queryName = fc.oneof(
  fc.string({ unit: alphanumeric, minLength: 1, maxLength: 8 }),
  fc.constantFrom('page', 'q', 'token', 'filter[name]', 'redirect_uri'),
  multiByteText(4),
);
const queryValue = fc.oneof(fc.constant(''), fc.string({ unit: alphanumeric, maxLength: 8 }), asciiText(16), multiByteText(8));

/** Header names as clients and browsers send them, mixed case included (real events have `upgrade-insecure-requests`). */
const headerName = fc.oneof(
  fc.constantFrom(
    'Accept',
    'Accept-Language',
    'Accept-Encoding',
    'Cookie',
    'Cache-Control',
    'upgrade-insecure-requests',
    'Authorization',
    'Origin',
    'Referer',
    '__api__',
  ),
  matching(/^[Xx]-[A-Za-z][A-Za-z0-9-]{0,15}$/),
);
/** Visible ASCII without surrounding spaces, which servers strip. */
const headerValue = asciiText(32).map((value) => value.trim());
const userAgent = fc.constantFrom(
  'curl/8.5.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/68.0.3440.106 Safari/537.36',
  'okhttp/4.12.0',
  'python-requests/2.31.0',
);
const apiName = matching(/^[A-Za-z][A-Za-z0-9_]{3,20}$/);

/**
 * The request: what the client sent and what the API maps; the event is built from it ({@link buildApigwEvent}).
 *
 * @example
 * ```ts
 * const requests = apigwRequest({ methods: ['POST'] }).map((params) => ({ ...params, headers: { ...params.headers, 'X-Tenant': 't1' } }));
 * const events = requests.map((params) => buildApigwEvent(params));
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export function apigwRequest(constraints: ApigwEventConstraints = {}): fc.Arbitrary<ApigwRequestParams> {
  const { methods, bodyKinds = ['empty', 'text', 'json', 'binary'], ...rest } = constraints;
  const fixed = definedOnly(rest);
  if (bodyKinds.length === 0)
    throw new FcSimError('E_INVALID_PARAMS', 'bodyKinds is empty: no body kind left to draw', 'leave bodyKinds out to draw every kind of body');
  return fc
    .record({
      method: fixedOr(fixed.method, narrowed(methods, fc.constantFrom(...APIGW_METHODS))),
      route: pathAndParameters(fixed),
      query: fixedOr(fixed.query, fc.dictionary(queryName, queryValue, { maxKeys: 4, noNullPrototype: true })),
      userAgent: fc.option(userAgent, { nil: undefined, freq: 8 }),
      headers: fc.uniqueArray(fc.tuple(headerName, headerValue), { maxLength: 5, selector: ([name]) => name.toLowerCase() }),
      body: fc.oneof({ withCrossShrink: true }, ...bodyKinds.map((kind) => REQUEST_BODIES[kind].map((body) => ({ kind, body })))),
      // Most GET/HEAD requests have no body; one in ten keeps the one drawn.
      bodyOnBodiless: fc.nat(9).map((n) => n === 9),
      textEncoding: fc.nat(3).map((n) => n === 3),
      stage: fixedOr(
        fixed.stage,
        fc.oneof({ weight: 6, arbitrary: fc.constant('RELEASE' as const) }, { weight: 1, arbitrary: fc.constantFrom('PRE' as const, 'TEST' as const) }),
      ),
      systemParameters: fixedOr(
        fixed.systemParameters,
        fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray(APIGW_SYSTEM_PARAMETERS) }),
      ),
      host: fc.option(fc.domain(), { nil: undefined, freq: 4 }),
      apiName: fixedOr(fixed.apiName, apiName),
      protocol: fixedOr(fixed.protocol, fc.constantFrom('https' as const, 'http' as const)),
      sourceIp: fixedOr(fixed.sourceIp, fc.oneof({ weight: 9, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.ipV6() })),
      region: fixedOr(fixed.region, regionId()),
      time: fixedOr(fixed.time, instant('second')),
    })
    .map(({ route, userAgent, headers, body, bodyOnBodiless, textEncoding, host, ...drawn }): ApigwRequestParams => {
      const dropBody = BODILESS.has(drawn.method) && !bodyOnBodiless && bodyKinds.includes('empty');
      const { kind, body: content } = dropBody ? { kind: 'empty' as const, body: '' } : body;
      // Binary bodies reach the function base64 only; the others mostly base64 too, as captured events show.
      const bodyEncoding: ApigwBodyEncoding = kind !== 'binary' && textEncoding ? 'text' : 'base64';
      return {
        ...drawn,
        ...route,
        headers: { ...(userAgent === undefined ? {} : { 'User-Agent': userAgent }), ...Object.fromEntries(headers) },
        body: content,
        bodyEncoding: fixed.body !== undefined && fixed.bodyEncoding === undefined ? 'base64' : bodyEncoding,
        ...(host === undefined ? {} : { host }),
        ...fixed,
      };
    });
}

/**
 * Events API Gateway sends FC event functions: paths with their parameters, client and gateway headers, bodies
 * mostly base64 (binary ones always), sometimes mapped system parameters and another stage.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(apigwEvent({ bodyKinds: ['json'] }), (event) => {
 *   const body = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString();
 *   JSON.parse(body);
 * }));
 * ```
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export function apigwEvent(constraints: ApigwEventConstraints = {}): fc.Arbitrary<ApiGatewayEvent> {
  return apigwRequest(constraints).map((request) => buildApigwEvent(request));
}
