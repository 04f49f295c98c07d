import { fileBytes, list, pairs, regionFlag, singlePairs, timeFlag, usage } from '../_shared/flags.js';
import type { FlagSpec } from '../types.js';
import type { ApigwRequestParams } from './build.js';
import { APIGW_SYSTEM_PARAMETERS } from './build.js';

const STAGES = ['RELEASE', 'PRE', 'TEST'];

/** `name: value` headers; a repeated name joins its values with commas (the event holds one string per header). */
const headerPairs = (value: string, previous: unknown): Record<string, string> => {
  const map = pairs('--header', ':')(value, previous);
  return Object.fromEntries(Object.entries(map).map(([name, item]) => [name, Array.isArray(item) ? item.join(',') : item]));
};

export const apigwFlags: readonly FlagSpec<ApigwRequestParams>[] = [
  { flags: '--path <path>', description: "the API's request path; [name] segments are path parameters, e.g. /users/[id]", param: 'path', pointers: ['/path'] },
  {
    flags: '--path-param <name=value>',
    description: 'the value of a [name] segment of the path; repeatable',
    param: 'pathParameters',
    parse: singlePairs('--path-param'),
    pointers: ['/pathParameters', '/path'],
  },
  { flags: '--method <method>', description: 'override the kind’s method', param: 'method', parse: (value) => value.toUpperCase(), pointers: ['/httpMethod'] },
  {
    flags: '--header <name:value>',
    description: 'client request header; repeatable (a repeated name joins its values with commas)',
    param: 'headers',
    parse: headerPairs,
    pointers: ['/headers'],
  },
  { flags: '--query <name=value>', description: 'query parameter; repeatable', param: 'query', parse: singlePairs('--query'), pointers: ['/queryParameters'] },
  { flags: '--body <text>', description: 'request body (UTF-8 text; a Content-Type is added when none is given)', param: 'body', pointers: ['/body'] },
  {
    flags: '--body-file <file>',
    description: 'request body from a file (binary bodies can only be passed base64)',
    param: 'body',
    parse: fileBytes('--body-file'),
    pointers: ['/body'],
  },
  {
    flags: '--body-encoding <base64|text>',
    description: 'how API Gateway passes the body: base64 (default, as most captured events show) or text',
    param: 'bodyEncoding',
    parse: (value) =>
      value === 'base64' || value === 'text' ? value : usage('--body-encoding', `must be base64 or text, got ${value}`, '--body-encoding text'),
    pointers: ['/body', '/isBase64Encoded'],
  },
  {
    flags: '--stage <RELEASE|PRE|TEST>',
    description: 'the environment the client calls (X-Ca-Stage; default RELEASE)',
    param: 'stage',
    parse: (value) =>
      STAGES.includes(value.toUpperCase()) ? value.toUpperCase() : usage('--stage', `must be one of ${STAGES.join(', ')}, got ${value}`, '--stage TEST'),
    pointers: ['/headers'],
  },
  {
    flags: '--system-param <name>',
    description: `a system parameter the API maps into a header (${APIGW_SYSTEM_PARAMETERS.join(', ')}); repeatable`,
    param: 'systemParameters',
    parse: (value, previous) =>
      (APIGW_SYSTEM_PARAMETERS as readonly string[]).includes(value)
        ? list(value, previous)
        : usage('--system-param', `unknown system parameter ${value}`, `use one of ${APIGW_SYSTEM_PARAMETERS.join(', ')}`),
    pointers: ['/headers'],
  },
  {
    flags: '--request-id <id>',
    description: "the gateway's request id (X-Ca-Api-Gateway; default derived from the request)",
    param: 'requestId',
    pointers: ['/headers'],
  },
  {
    flags: '--host <domain>',
    description: 'the domain the client called (CA-Host; default the group’s alicloudapi.com domain)',
    param: 'host',
    pointers: ['/headers'],
  },
  { flags: '--source-ip <ip>', description: 'client IP address (X-Forwarded-For, X-Real-IP)', param: 'sourceIp', pointers: ['/headers'] },
  { ...regionFlag, description: 'region id of the API group, e.g. cn-shanghai (its default domain)', pointers: ['/headers'] },
  { ...timeFlag, description: 'request time: ISO-8601, epoch milliseconds or "now" (the derived request id, CaRequestHandleTime)', pointers: ['/headers'] },
];

/** A `--path` replaces the kind's path with its parameters: the kind's `[id]` value has no place in another path. */
export function withOwnPathParameters(params: Partial<ApigwRequestParams>): Partial<ApigwRequestParams> {
  return params.path !== undefined && params.pathParameters === undefined ? { ...params, pathParameters: {} } : params;
}
