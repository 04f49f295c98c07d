import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AccessKey } from './credentials.js';
import type { AnyHeaders } from './headers.js';
import { rfc3986 } from './headers.js';
import type { SignableRequest } from './fc2-signature.js';

/**
 * Alibaba Cloud's V3 signature, ACS3-HMAC-SHA256 (runtime.md §6.3; the "V3 request structure and signature" doc;
 * @alicloud/openapi-core), used by FC 3.0's API (2023-03-30) and by FC 3.0 HTTP triggers with signature auth:
 *
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA-256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   Authorization    = "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>"
 *
 * Choices where sources differ: query names and values are both RFC 3986 encoded (the doc; openapi-core encodes
 * values only, the same for FC's plain names); a repeated query name gives one `name=value` per value, sorted by name
 * then value (the SDKs only know single values); the canonical URI is the path as sent (already encoded), with
 * `+` → `%20`, `*` → `%2A`, `%7E` → `~` (openapi-core).
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function acs3CanonicalUri(pathname: string): string {
  return (pathname || '/').replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/gi, '~');
}

export function acs3CanonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return [...query]
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
}

/** `x-acs-*`, `host` and `content-type`, lower-cased, values trimmed (repeated: sorted, comma-joined), sorted by name. */
export function acs3CanonicalHeaders(headers: AnyHeaders): { canonical: string; signed: string } {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase().trim();
    if (value === undefined || !(key.startsWith('x-acs-') || key === 'host' || key === 'content-type')) continue;
    picked[key] =
      typeof value === 'string'
        ? value.trim()
        : value
            .map((item) => item.trim())
            .sort()
            .join(',');
  }
  const names = Object.keys(picked).sort();
  return { canonical: names.map((name) => `${name}:${picked[name]}\n`).join(''), signed: names.join(';') };
}

export interface Acs3CanonicalRequestInput {
  method: string;
  /** The path as sent (percent-encoded). */
  pathname: string;
  query: ReadonlyArray<readonly [string, string]>;
  headers: AnyHeaders;
  /** hex SHA-256 of the body (`x-acs-content-sha256`). */
  hashedPayload: string;
}

export function acs3CanonicalRequest(input: Acs3CanonicalRequestInput): { canonicalRequest: string; signedHeaders: string } {
  const { canonical, signed } = acs3CanonicalHeaders(input.headers);
  const canonicalRequest = [input.method, acs3CanonicalUri(input.pathname), acs3CanonicalQuery(input.query), canonical, signed, input.hashedPayload].join('\n');
  return { canonicalRequest, signedHeaders: signed };
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function acs3Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

/** `2023-10-26T09:01:01Z`: ISO 8601 UTC to the second. */
export function acsDate(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Acs3Options {
  /** `x-acs-action` and `x-acs-version` (FC 3.0's API: InvokeFunction, 2023-03-30). */
  action?: string;
  version?: string;
  now?: Date;
  nonce?: string;
}

/**
 * Signs a request as Alibaba Cloud's V3 SDKs do: adds `host`, `x-acs-date`, `x-acs-signature-nonce`,
 * `x-acs-content-sha256`, the action and version when given, `x-acs-accesskey-id` and `x-acs-security-token` (STS),
 * and `authorization`. Set `content-type` before: it is signed.
 */
export function signAcs3(request: SignableRequest, key: AccessKey, options: Acs3Options = {}): void {
  const { headers } = request;
  headers.host = request.host;
  if (options.action) headers['x-acs-action'] = options.action;
  if (options.version) headers['x-acs-version'] = options.version;
  headers['x-acs-date'] = acsDate(options.now ?? new Date());
  headers['x-acs-signature-nonce'] = options.nonce ?? randomBytes(16).toString('hex');
  headers['x-acs-content-sha256'] = sha256Hex(request.body);
  if (key.securityToken) {
    headers['x-acs-accesskey-id'] = key.accessKeyId;
    headers['x-acs-security-token'] = key.securityToken;
  }
  const { canonicalRequest, signedHeaders } = acs3CanonicalRequest({
    method: request.method,
    pathname: request.pathname,
    query: request.query,
    headers,
    hashedPayload: headers['x-acs-content-sha256'],
  });
  const signature = acs3Signature(acs3StringToSign(canonicalRequest), key.accessKeySecret);
  headers.authorization = `${ACS3_ALGORITHM} Credential=${key.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}
