import type { JsonWebKey, KeyObject } from 'node:crypto';
import { constants, createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';

/** How each JWS algorithm (RFC 7518 §3) checks a signature with Node's crypto. */
const ALGORITHMS: Readonly<Record<string, { hash: string | null; kind: 'hmac' | 'rsa' | 'pss' | 'ecdsa' | 'eddsa' }>> = {
  HS256: { hash: 'sha256', kind: 'hmac' },
  HS384: { hash: 'sha384', kind: 'hmac' },
  HS512: { hash: 'sha512', kind: 'hmac' },
  RS256: { hash: 'sha256', kind: 'rsa' },
  RS384: { hash: 'sha384', kind: 'rsa' },
  RS512: { hash: 'sha512', kind: 'rsa' },
  PS256: { hash: 'sha256', kind: 'pss' },
  PS384: { hash: 'sha384', kind: 'pss' },
  PS512: { hash: 'sha512', kind: 'pss' },
  ES256: { hash: 'sha256', kind: 'ecdsa' },
  ES384: { hash: 'sha384', kind: 'ecdsa' },
  ES512: { hash: 'sha512', kind: 'ecdsa' },
  EdDSA: { hash: null, kind: 'eddsa' },
};

/** The payload of a well-formed token (`<header>.<payload>.<signature>`), unverified. */
export function tokenPayload(token: string): Record<string, unknown> | undefined {
  return decodedPart(token.split('.')[1] ?? '');
}

function decodedPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The keys of a JWKS as authConfig.jwks holds it (`{keys: [...]}`, or the API's JSON text of it). */
export function jwksKeys(jwks: unknown): JsonWebKey[] {
  let value = jwks;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const keys = typeof value === 'object' && value !== null ? (value as { keys?: unknown }).keys : undefined;
  return Array.isArray(keys) ? keys.filter((key): key is JsonWebKey => typeof key === 'object' && key !== null) : [];
}

function signatureMatches(algorithm: string, key: JsonWebKey, data: Buffer, signature: Buffer): boolean {
  const spec = ALGORITHMS[algorithm]!;
  if (spec.kind === 'hmac') {
    if (key.kty !== 'oct' || typeof key.k !== 'string') return false;
    const expected = createHmac(spec.hash!, Buffer.from(key.k, 'base64url')).update(data).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key, format: 'jwk' });
  } catch {
    return false;
  }
  try {
    if (spec.kind === 'pss')
      return verify(spec.hash, data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    if (spec.kind === 'ecdsa') return verify(spec.hash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
    return verify(spec.hash, data, publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * Why a JWT fails the checks FC makes with the trigger's key set (the signature by a key of `authConfig.jwks`, picked
 * by `kid` when the token names one, and the `exp` and `nbf` times), or undefined when it passes.
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/configure-jwt-authentication-for-an-http-trigger
 */
export function jwtProblem(token: string, keys: readonly JsonWebKey[], nowMs: number): string | undefined {
  const [headerPart = '', payloadPart = '', signaturePart = ''] = token.split('.');
  const header = decodedPart(headerPart);
  const payload = decodedPart(payloadPart);
  if (!header || !payload) return "the token's header or payload is not base64url JSON";
  const algorithm = String(header.alg);
  if (!(algorithm in ALGORITHMS)) return `the token's algorithm ${algorithm} is not one a JWKS key signs with`;
  const candidates = keys.filter((key) => (header.kid === undefined || key.kid === header.kid) && (key.alg === undefined || key.alg === algorithm));
  if (candidates.length === 0)
    return header.kid === undefined ? `no key of authConfig.jwks is for ${algorithm}` : `no key of authConfig.jwks has kid ${JSON.stringify(header.kid)}`;
  const data = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  if (!candidates.some((key) => signatureMatches(algorithm, key, data, signature))) return 'the signature does not verify with authConfig.jwks';
  const now = nowMs / 1000;
  if (typeof payload.exp === 'number' && now >= payload.exp) return `the token expired at ${new Date(payload.exp * 1000).toISOString()}`;
  if (typeof payload.nbf === 'number' && now < payload.nbf) return `the token is not valid before ${new Date(payload.nbf * 1000).toISOString()}`;
  return undefined;
}
