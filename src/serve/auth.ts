import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { acs3CanonicalRequest, acs3Signature, acs3StringToSign, sha256Hex } from '../remote/acs3-signature.js';
import type { AccessKey } from '../remote/credentials.js';
import { decodedPath, FC2_API_VERSION, fc2ContentMd5, fc2Signature, fc2StringToSign } from '../remote/fc2-signature.js';
import { checkJwt } from './jwt.js';
import type { NonceLedger } from './nonces.js';
import type { AuthType } from './routes.js';

/**
 * The HTTP trigger's authType, checked as FC checks it before the function runs:
 *
 * - `anonymous`: anyone.
 * - `function`: a signed request. FC 2.0 functions (those with a service) take FC 2.0's signature
 *   `Authorization: FC <AccessKeyId>:<signature>` (runtime.md §6.1); FC 3.0 functions take ACS3-HMAC-SHA256
 *   (`Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`, §6.2–6.3). fc-sim cannot know the
 *   caller's secret: when an AccessKey is given (by default ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET), the signature is
 *   verified with the signing code of src/remote (the AccessKeyId must be that one, the date within 15 minutes, the
 *   signature equal); without one, any well-formed Authorization of the right scheme is accepted, with a warning.
 *   The body is checked as each scheme covers it. FC 2.0: `Content-MD5` is "the MD5 hash of the request body", blank
 *   when absent (FC 2.0 signature-authentication doc): when sent it must match the body (as FC's SDKs send it,
 *   base64 of the hex digest, or RFC 1864's base64 of the raw digest); without it the body is not signed, which FC
 *   accepts too. ACS3: `x-acs-content-sha256` must be the body's SHA-256 and the canonical request hashes the body.
 *   Replays: FC 2.0 documents only the 15-minute Date window, so a request replayed within it is accepted, as FC
 *   would; ACS3's `x-acs-signature-nonce` exists to stop replays (V3 signature doc): a nonce already accepted within
 *   the window is refused (with `nonces`). A request without a nonce (FC's HTTP-trigger doc requires only
 *   `x-acs-date` and Authorization) can be replayed within the window.
 * - `jwt`: a token where the trigger's `authConfig.tokenLookup` says (default `Authorization: Bearer <jwt>`), on
 *   the paths its white/black lists leave protected, never verified (src/serve/jwt.ts).
 *
 * Refusals are FC's: 403 with `{"ErrorCode", "ErrorMessage"}` for a missing or wrong signature (runtime.md §6.1:
 * invalid or missing Authorization → 403), 401 for a missing or malformed JWT.
 */
export interface AuthRequest {
  method: string;
  /** The path as sent (percent-encoded), without the query. */
  pathname: string;
  /** The query as sent, decoded, in order. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Accepted (`claims`: an accepted JWT's, for claimPassBy), or refused with FC's error. */
export type AuthOutcome =
  | { ok: true; warning?: string; claims?: Record<string, unknown> }
  | { ok: false; statusCode: number; errorCode: string; message: string };

/** FC refuses signed requests whose date is further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const FC2_AUTHORIZATION = /^FC ([^:\s]+):(\S+)$/;
const ACS3_AUTHORIZATION = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]*),\s*Signature=([0-9a-fA-F]+)$/;

const refuse = (statusCode: number, errorCode: string, message: string): AuthOutcome => ({ ok: false, statusCode, errorCode, message });

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkDate(value: string | undefined, header: string, now: number): AuthOutcome | undefined {
  if (!value) return refuse(403, 'AccessDenied', `required HTTP header ${header} was not specified`);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return refuse(403, 'InvalidArgument', `${header} ${JSON.stringify(value)} is not a date`);
  if (Math.abs(time - now) > MAX_CLOCK_SKEW_MS)
    return refuse(403, 'RequestTimeTooSkewed', `${header} ${value} is more than 15 minutes from the server's time ${new Date(now).toISOString()}`);
  return undefined;
}

const NOT_VERIFIED =
  'is accepted without verifying its signature: fc-sim does not know your AccessKey secret (set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET to verify)';

function checkFc2(request: AuthRequest, authorization: string, key: AccessKey | undefined, now: number): AuthOutcome {
  const match = FC2_AUTHORIZATION.exec(authorization);
  if (!match)
    return refuse(
      403,
      'AccessDenied',
      `Authorization must be "FC <AccessKeyId>:<signature>" (FC 2.0 signature), got ${JSON.stringify(authorization.slice(0, 40))}`,
    );
  if (!key) return { ok: true, warning: `a signed request (FC 2.0, AccessKeyId ${match[1]}) ${NOT_VERIFIED}` };
  if (match[1] !== key.accessKeyId)
    return refuse(403, 'InvalidAccessKeyId.NotFound', `AccessKeyId ${match[1]} is not the one fc-sim verifies with (ALIBABA_CLOUD_ACCESS_KEY_ID)`);
  const dated = checkDate(single(request.headers.date), 'Date', now);
  if (dated) return dated;
  const path = decodedPath(request.pathname);
  const proxied = path.startsWith(`/${FC2_API_VERSION}/proxy/`);
  const stringToSign = fc2StringToSign({ method: request.method, path, headers: request.headers, ...(proxied ? { queries: request.query } : {}) });
  if (!sameText(fc2Signature(stringToSign, key.accessKeySecret), match[2]!)) {
    return refuse(403, 'SignatureNotMatch', `the request signature does not match; the string to sign is ${JSON.stringify(stringToSign)}`);
  }
  return checkContentMd5(single(request.headers['content-md5']), request.body);
}

/** A signed Content-MD5 must be the body's: otherwise a changed body would pass under a valid signature. */
function checkContentMd5(claimed: string | undefined, body: Buffer): AuthOutcome {
  if (claimed === undefined || claimed === '') {
    if (body.length === 0) return { ok: true };
    return { ok: true, warning: 'a signed request without Content-MD5: its body is not covered by the signature (FC accepts it too)' };
  }
  const rawDigest = createHash('md5').update(body).digest('base64');
  if (sameText(claimed, fc2ContentMd5(body)) || sameText(claimed, rawDigest)) return { ok: true };
  return refuse(400, 'InvalidArgument', `Content-MD5 is ${claimed}, the body's is ${fc2ContentMd5(body)} (base64 of the hex MD5, as FC's SDKs send it)`);
}

function checkAcs3(request: AuthRequest, authorization: string, key: AccessKey | undefined, now: number, nonces: NonceLedger | undefined): AuthOutcome {
  const match = ACS3_AUTHORIZATION.exec(authorization);
  if (!match)
    return refuse(
      403,
      'AccessDenied',
      `Authorization must be "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>" (FC 3.0 signature), got ${JSON.stringify(authorization.slice(0, 40))}`,
    );
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  if (!key) return { ok: true, warning: `a signed request (ACS3-HMAC-SHA256, AccessKeyId ${accessKeyId}) ${NOT_VERIFIED}` };
  if (accessKeyId !== key.accessKeyId)
    return refuse(403, 'InvalidAccessKeyId.NotFound', `AccessKeyId ${accessKeyId} is not the one fc-sim verifies with (ALIBABA_CLOUD_ACCESS_KEY_ID)`);
  const dated = checkDate(single(request.headers['x-acs-date']), 'x-acs-date', now);
  if (dated) return dated;
  const hashedPayload = sha256Hex(request.body);
  const claimed = single(request.headers['x-acs-content-sha256']);
  if (claimed !== undefined && claimed.toLowerCase() !== hashedPayload)
    return refuse(403, 'ContentSHA256NotMatch', `x-acs-content-sha256 is ${claimed}, the body's SHA-256 is ${hashedPayload}`);
  const listed = new Set(signedHeaders.toLowerCase().split(';'));
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => listed.has(name.toLowerCase())));
  const { canonicalRequest, signedHeaders: computed } = acs3CanonicalRequest({
    method: request.method,
    pathname: request.pathname,
    query: request.query,
    headers,
    hashedPayload,
  });
  if (computed !== signedHeaders.toLowerCase()) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      `SignedHeaders is ${signedHeaders}; of those the request has (and ACS3 signs: host, content-type, x-acs-*) ${computed || 'none'}`,
    );
  }
  if (!sameText(acs3Signature(acs3StringToSign(canonicalRequest), key.accessKeySecret), signature.toLowerCase())) {
    return refuse(403, 'SignatureDoesNotMatch', `the request signature does not match; the canonical request is ${JSON.stringify(canonicalRequest)}`);
  }
  // Claimed only once the signature holds: a forged request cannot use up someone's nonce.
  const nonce = single(request.headers['x-acs-signature-nonce']);
  const forgetAfter = Date.parse(single(request.headers['x-acs-date'])!) + MAX_CLOCK_SKEW_MS;
  if (nonce !== undefined && nonces && !nonces.claim(accessKeyId, nonce, now, forgetAfter)) {
    return refuse(
      403,
      'SignatureNonceUsed',
      `x-acs-signature-nonce ${nonce} was already used in the last 15 minutes: a replayed request (sign each request anew)`,
    );
  }
  return { ok: true };
}

export interface AuthSettings {
  authType: AuthType;
  /** FC 2.0 functions take FC 2.0's signature, FC 3.0 functions ACS3. */
  platform: 'fc2' | 'fc3';
  /** Verify signatures with this AccessKey; undefined: accept any well-formed signature. */
  accessKey: AccessKey | undefined;
  /** The ACS3 nonces accepted so far (one ledger per server); undefined: replays are not looked for. */
  nonces?: NonceLedger;
  now?: number;
  /** authType jwt: the trigger's `authConfig`, and the path the function sees (decoded), which its path lists name. */
  jwt?: { authConfig: unknown; functionPath: string };
}

export function checkAuth(request: AuthRequest, settings: AuthSettings): AuthOutcome {
  if (settings.authType === 'anonymous') return { ok: true };
  if (settings.authType === 'jwt')
    return checkJwt({ ...request, functionPath: settings.jwt?.functionPath ?? decodedPath(request.pathname) }, settings.jwt?.authConfig, settings.now);
  const authorization = single(request.headers.authorization)?.trim();
  if (!authorization) {
    const scheme = settings.platform === 'fc2' ? 'FC <AccessKeyId>:<signature>' : 'ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…';
    return refuse(
      403,
      'AccessDenied',
      `required HTTP header Authorization was not specified: this HTTP trigger has authType function (send Authorization: ${scheme})`,
    );
  }
  const now = settings.now ?? Date.now();
  return settings.platform === 'fc2'
    ? checkFc2(request, authorization, settings.accessKey, now)
    : checkAcs3(request, authorization, settings.accessKey, now, settings.nonces);
}
