import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * A server-side check of FC's request signatures, written apart from fc-sim's signers (src/remote/*-signature.ts)
 * from the algorithm's description (runtime.md §6.1, §6.3; Alibaba Cloud's V3 signature doc): it rebuilds the
 * string to sign from the request as received (raw URL, headers, body) and compares. A signer and a verifier that
 * share a bug would agree; the golden vectors in the signature tests pin both to the SDKs.
 */
export interface ReceivedRequest {
  method: string;
  /** The raw request target: `/path?query`, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Verdict = { ok: true; accessKeyId: string } | { ok: false; reason: string };

const MAX_SKEW_MS = 15 * 60_000;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `a=1&b=%20x` → [['a','1'], ['b',' x']] (form decoding: `+` is a space). */
function queryPairs(raw: string): Array<[string, string]> {
  if (raw === '') return [];
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  return raw.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return at === -1 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
  });
}

function split(url: string): { path: string; query: string } {
  const at = url.indexOf('?');
  return at === -1 ? { path: url, query: '' } : { path: url.slice(0, at), query: url.slice(at + 1) };
}

/** FC 2.0: `Authorization: FC <id>:base64(HMAC-SHA256(secret, StringToSign))`. */
export function verifyFc2(request: ReceivedRequest, secrets: Readonly<Record<string, string>>, now = Date.now()): Verdict {
  const match = /^FC ([^:\s]+):(\S+)$/.exec(one(request.headers.authorization) ?? '');
  if (!match) return { ok: false, reason: 'no FC Authorization header' };
  const [, id, signature] = match as unknown as [string, string, string];
  const secret = secrets[id];
  if (secret === undefined) return { ok: false, reason: `unknown AccessKeyId ${id}` };
  const date = one(request.headers.date) ?? '';
  if (!(Math.abs(now - Date.parse(date)) <= MAX_SKEW_MS)) return { ok: false, reason: `Date ${JSON.stringify(date)} is not within 15 minutes` };
  const md5 = one(request.headers['content-md5']) ?? '';
  if (request.body.length > 0) {
    const expected = Buffer.from(createHash('md5').update(request.body).digest('hex')).toString('base64');
    if (md5 !== expected) return { ok: false, reason: 'Content-MD5 does not match the body' };
  }
  const { path: rawPath, query } = split(request.url);
  const path = decodeURIComponent(rawPath);
  const fcHeaders = Object.keys(request.headers)
    .filter((name) => name.startsWith('x-fc-'))
    .sort()
    .map((name) => `${name}:${one(request.headers[name])}\n`)
    .join('');
  let stringToSign = `${request.method}\n${md5}\n${one(request.headers['content-type']) ?? ''}\n${date}\n${fcHeaders}${path}`;
  if (path.startsWith('/2016-08-15/proxy/'))
    stringToSign += `\n${queryPairs(query)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n')}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest('base64');
  return equal(expected, signature) ? { ok: true, accessKeyId: id } : { ok: false, reason: 'signature mismatch' };
}

const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** FC 3.0 / Alibaba Cloud V3: `Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`. */
export function verifyAcs3(request: ReceivedRequest, secrets: Readonly<Record<string, string>>, now = Date.now(), seenNonces?: Set<string>): Verdict {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(one(request.headers.authorization) ?? '');
  if (!match) return { ok: false, reason: 'no ACS3-HMAC-SHA256 Authorization header' };
  const [, id, signedList, signature] = match as unknown as [string, string, string, string];
  const secret = secrets[id];
  if (secret === undefined) return { ok: false, reason: `unknown AccessKeyId ${id}` };
  const signed = signedList.split(';');
  for (const name of ['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])
    if (!signed.includes(name)) return { ok: false, reason: `${name} is not signed` };
  for (const name of Object.keys(request.headers))
    if (name.startsWith('x-acs-') && !signed.includes(name)) return { ok: false, reason: `${name} is sent but not signed` };
  const date = one(request.headers['x-acs-date']) ?? '';
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date) || !(Math.abs(now - Date.parse(date)) <= MAX_SKEW_MS))
    return { ok: false, reason: `x-acs-date ${JSON.stringify(date)} is not a time within 15 minutes` };
  const nonce = one(request.headers['x-acs-signature-nonce']) ?? '';
  if (seenNonces) {
    if (seenNonces.has(nonce)) return { ok: false, reason: 'x-acs-signature-nonce used before (replay)' };
    seenNonces.add(nonce);
  }
  const hashed = createHash('sha256').update(request.body).digest('hex');
  if (one(request.headers['x-acs-content-sha256']) !== hashed) return { ok: false, reason: 'x-acs-content-sha256 does not match the body' };
  const { path, query } = split(request.url);
  const canonicalUri =
    path
      .split('/')
      .map((segment) => rfc3986(decodeURIComponent(segment)))
      .join('/') || '/';
  const canonicalQuery = queryPairs(query)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  const canonicalHeaders = [...signed]
    .sort()
    .map((name) => `${name}:${(one(request.headers[name]) ?? '').trim()}\n`)
    .join('');
  const canonicalRequest = [request.method, canonicalUri, canonicalQuery, canonicalHeaders, signed.join(';'), hashed].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest('hex');
  return equal(expected, signature) ? { ok: true, accessKeyId: id } : { ok: false, reason: 'signature mismatch' };
}
