import { accountIdFlag, fileBytes, pairs, regionFlag, timeFlag } from '../_shared/flags.js';
import type { CommandOption, FlagSpec } from '../types.js';
import type { HttpRequestParams } from './build.js';

export const httpFlags: readonly FlagSpec<HttpRequestParams>[] = [
  {
    flags: '--path <path>',
    description: 'decoded request path, may end in ?query',
    param: 'path',
    pointers: ['/rawPath', '/requestContext/http/path', '/path', '/url'],
  },
  {
    flags: '--method <method>',
    description: 'override the kind’s method',
    param: 'method',
    parse: (value) => value.toUpperCase(),
    pointers: ['/requestContext/http/method', '/method'],
  },
  {
    flags: '--header <name:value>',
    description: 'request header; repeatable (repeated names keep every value)',
    param: 'headers',
    parse: pairs('--header', ':'),
    pointers: ['/headers'],
  },
  {
    flags: '--query <name=value>',
    description: 'query parameter; repeatable',
    param: 'query',
    parse: pairs('--query', '='),
    pointers: ['/queryParameters', '/queries'],
  },
  { flags: '--body <text>', description: 'request body (UTF-8 text)', param: 'body', pointers: ['/body'] },
  {
    flags: '--body-file <file>',
    description: 'request body from a file (binary bodies become base64 in the event)',
    param: 'body',
    parse: fileBytes('--body-file'),
    pointers: ['/body'],
  },
  { flags: '--source-ip <ip>', description: 'client IP address', param: 'sourceIp', pointers: ['/requestContext/http/sourceIp', '/clientIP'] },
  { flags: '--trigger-id <id>', description: 'HTTP trigger id (the fcapp.run subdomain)', param: 'triggerId', pointers: ['/requestContext/domainName'] },
  regionFlag,
  accountIdFlag,
  timeFlag,
];

export const httpCommandOptions: readonly CommandOption[] = [
  { flags: '--fc2', description: 'the request as an FC 2.0 HTTP handler sees it (request, response, context)' },
];

/** An HTTP `--path` may carry its query string: the path's own query comes first, then the `--query` flags, as in the URL. */
export function splitPathQuery(params: Partial<HttpRequestParams>): Partial<HttpRequestParams> {
  const { path } = params;
  if (typeof path !== 'string' || !path.includes('?')) return params;
  const at = path.indexOf('?');
  const query: Record<string, string | string[]> = {};
  const add = (name: string, value: string | readonly string[]) => {
    const existing = query[name];
    query[name] =
      existing === undefined
        ? [...(Array.isArray(value) ? value : [value])]
        : [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(value) ? value : [value])];
  };
  for (const [name, value] of new URLSearchParams(path.slice(at + 1))) add(name, value);
  for (const [name, value] of Object.entries(params.query ?? {})) add(name, value);
  // A single value stays a string, as one --query flag gives it.
  const merged = Object.fromEntries(Object.entries(query).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
  return { ...params, path: path.slice(0, at), query: merged };
}
