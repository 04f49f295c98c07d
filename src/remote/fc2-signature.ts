import { createHash, createHmac } from 'node:crypto';
import type { AccessKey } from './credentials.js';
import type { AnyHeaders } from './headers.js';
import { headerValue } from './headers.js';

/**
 * FC 2.0's request signature (runtime.md §6.1; @alicloud/fc2 `helper.composeStringToSign`, alibaba-archive/fc-util):
 *
 *   StringToSign = METHOD \n Content-MD5 \n Content-Type \n Date \n CanonicalizedFCHeaders CanonicalizedResource
 *   Authorization = "FC " + AccessKeyId + ":" + base64(HMAC-SHA256(AccessKeySecret, StringToSign))
 *
 * Where the SDKs disagree, fc-sim follows the two Node.js SDKs (whose test vectors it reproduces):
 * - the resource is the **decoded** path (fc-util and the Python SDK decode it; @alicloud/fc2 signs the path it is
 *   given, which is the decoded one before its HTTP client encodes it);
 * - HTTP trigger (`/2016-08-15/proxy/…`) requests append `\n` + the sorted `key=value` query lines, also when there
 *   is no query (a trailing `\n`, as both Node.js SDKs; the Python SDK appends nothing);
 * - a query key without value is signed `key=` (URLSearchParams gives it the empty value).
 */
export const FC2_API_VERSION = '2016-08-15';

export interface Fc2StringToSignInput {
  method: string;
  /** The decoded path, with the version prefix: `/2016-08-15/services/s/functions/f/invocations`. */
  path: string;
  /** Headers in any case; `content-md5`, `content-type`, `date` and every `x-fc-*` one are signed. */
  headers: AnyHeaders;
  /** Signed only for HTTP trigger requests (`/2016-08-15/proxy/…`); undefined: no query is signed. */
  queries?: Readonly<Record<string, string | readonly string[]>> | ReadonlyArray<readonly [string, string]>;
}

/** `x-fc-*` headers, names lower-cased and trimmed, sorted, one `name:value\n` each. */
export function fc2CanonicalHeaders(headers: AnyHeaders): string {
  const fc: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase().trim();
    if (key.startsWith('x-fc-') && value !== undefined) fc[key] = typeof value === 'string' ? value : value.join(',');
  }
  return Object.keys(fc)
    .sort()
    .map((key) => `${key}:${fc[key]}\n`)
    .join('');
}

export function fc2StringToSign(input: Fc2StringToSignInput): string {
  const { headers } = input;
  const head = [input.method, headerValue(headers, 'content-md5') ?? '', headerValue(headers, 'content-type') ?? '', headerValue(headers, 'date') ?? ''].join(
    '\n',
  );
  let text = `${head}\n${fc2CanonicalHeaders(headers)}${input.path}`;
  if (input.queries !== undefined) {
    const pairs: Array<readonly [string, string]> = Array.isArray(input.queries)
      ? [...(input.queries as ReadonlyArray<readonly [string, string]>)]
      : Object.entries(input.queries as Record<string, string | readonly string[]>).flatMap(([key, value]) =>
          typeof value === 'string' ? [[key, value] as const] : value.map((item) => [key, item] as const),
        );
    text += `\n${pairs
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join('\n')}`;
  }
  return text;
}

export function fc2Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

/** Content-MD5 as FC 2.0's SDKs send it: base64 of the **hex** MD5 string (not of the 16-byte digest). */
export function fc2ContentMd5(body: Uint8Array): string {
  return Buffer.from(createHash('md5').update(body).digest('hex'), 'utf8').toString('base64');
}

/** The decoded path of a URL path (a path that does not decode is signed as it is). */
export function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export interface SignableRequest {
  method: string;
  /** `host[:port]`, as the Host header says. */
  host: string;
  /** The path as sent (percent-encoded), without the query. */
  pathname: string;
  /** The query as sent, decoded, in order. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names; the signing headers are added. */
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}

/**
 * Signs a request as FC 2.0's SDKs do: adds `date`, `content-md5` (non-empty bodies), `x-fc-security-token` (STS)
 * and `authorization`. The request's `content-type` and `x-fc-*` headers must be set before.
 */
export function signFc2(request: SignableRequest, key: AccessKey, now: Date = new Date()): void {
  const { headers } = request;
  headers.date = now.toUTCString();
  if (request.body.length > 0) headers['content-md5'] = fc2ContentMd5(request.body);
  else delete headers['content-md5'];
  if (key.securityToken) headers['x-fc-security-token'] = key.securityToken;
  const path = decodedPath(request.pathname);
  const proxied = path.startsWith(`/${FC2_API_VERSION}/proxy/`);
  const stringToSign = fc2StringToSign({ method: request.method, path, headers, ...(proxied ? { queries: request.query } : {}) });
  headers.authorization = `FC ${key.accessKeyId}:${fc2Signature(stringToSign, key.accessKeySecret)}`;
}
