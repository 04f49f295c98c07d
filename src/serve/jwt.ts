import type { IncomingHttpHeaders } from 'node:http';
import { jwksKeys, jwtProblem, tokenPayload } from './jwt-verify.js';

/** Where an HTTP trigger with authType jwt reads the token: `tokenLookup` entries. */
interface TokenPlace {
  position: 'header' | 'query' | 'cookie' | 'form';
  name: string;
  prefix: string;
}

/** A request as the JWT check reads it. */
export interface JwtRequest {
  headers: IncomingHttpHeaders;
  query: ReadonlyArray<readonly [string, string]>;
  body: Buffer;
  /** The path the function sees, decoded (what the path lists name). */
  functionPath: string;
}

/** Accepted: `claims` is the token's payload when there was a token (not on a path that needs none). */
export type JwtOutcome =
  | { ok: true; warning?: string; claims?: Record<string, unknown> }
  | { ok: false; statusCode: number; errorCode: string; message: string };

/** FC decodes trigger configs with Go's case-insensitive JSON: `blackList` is `blacklist` (devsapp/fc3's e2e jwt project writes it so). */
function field(config: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(config).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : config[key];
}

/**
 * `authConfig` as the fc3 component writes it (an object), or as the FC 3.0 API carries it: JSON text
 * (`{"JWKS":{…},"TokenLookup":"header:Authorization:Bearer","ClaimPassBy":"query:uid:uid"}`).
 */
function jwtConfig(authConfig: unknown): Record<string, unknown> {
  let value = authConfig;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The `claimPassBy` of a trigger's `authConfig`, in either form.
 *
 * @example
 * ```ts
 * jwtClaimPassBy('{"ClaimPassBy":"query:uid:uid"}'); // 'query:uid:uid'
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/configure-jwt-authentication-for-an-http-trigger
 */
export function jwtClaimPassBy(authConfig: unknown): unknown {
  return field(jwtConfig(authConfig), 'claimPassBy');
}

const paths = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** A path list entry: the exact path, or `/prefix/*` for everything under it. */
function listed(list: readonly string[], path: string): boolean {
  return list.some((entry) => (entry.endsWith('/*') ? path === entry.slice(0, -2) || path.startsWith(entry.slice(0, -1)) : path === entry));
}

/**
 * `tokenLookup` as devsapp/fc3 writes it (`src/interface/trigger.ts` `convertIHttpTriggerConfig`): a list of
 * `{readPosition, parameterName, prefix}` or the API's text `header:Authorization:Bearer ,query:token`. Without one,
 * `Authorization: Bearer <token>`.
 */
function tokenPlaces(value: unknown): TokenPlace[] {
  const entries: Array<{ readPosition?: unknown; parameterName?: unknown; prefix?: unknown }> = Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? item : {}))
    : typeof value === 'string' && value !== ''
      ? value.split(',').map((text) => {
          const [readPosition, parameterName, ...prefix] = text.split(':');
          return { readPosition, parameterName, prefix: prefix.join(':') };
        })
      : [];
  const places = entries.flatMap((entry): TokenPlace[] => {
    const position = String(entry.readPosition ?? '').toLowerCase();
    if (position !== 'header' && position !== 'query' && position !== 'cookie' && position !== 'form') return [];
    return [{ position, name: String(entry.parameterName ?? ''), prefix: typeof entry.prefix === 'string' ? entry.prefix : '' }];
  });
  return places.length > 0 ? places : [{ position: 'header', name: 'Authorization', prefix: 'Bearer ' }];
}

function cookies(header: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) found.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return found;
}

function tokenAt(place: TokenPlace, request: JwtRequest): string | undefined {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  let raw: string | undefined;
  if (place.position === 'header') raw = single(request.headers[place.name.toLowerCase()]);
  else if (place.position === 'query') raw = request.query.find(([name]) => name === place.name)?.[1];
  else if (place.position === 'cookie') raw = cookies(single(request.headers.cookie)).get(place.name);
  else if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    raw = new URLSearchParams(request.body.toString('utf8')).get(place.name) ?? undefined;
  if (raw === undefined || raw === '') return undefined;
  if (place.prefix === '') return raw.trim();
  return raw.startsWith(place.prefix) ? raw.slice(place.prefix.length).trim() : undefined;
}

const describe = (place: TokenPlace) => `${place.position} ${place.name}${place.prefix ? ` (after "${place.prefix}")` : ''}`;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * An HTTP trigger with authType jwt, as FC checks it before the function runs ("Configure JWT authentication for an
 * HTTP trigger"): the token is read where `authConfig.tokenLookup` says (header, query, cookie, form); paths on
 * `whitelist` need no token, and with a `blacklist` only the paths on it need one (the console's path lists: exact
 * paths, or `/prefix/*`). The token must verify with a key of `authConfig.jwks` and be within its `exp` and `nbf`
 * ({@link jwtProblem}); a config without keys (FC requires them) accepts a well-formed token with a warning. The
 * accepted token's claims come back for `claimPassBy` (jwt-claims.ts).
 */
export function checkJwt(request: JwtRequest, authConfig: unknown, nowMs = Date.now()): JwtOutcome {
  const config = jwtConfig(authConfig);
  const whitelist = paths(field(config, 'whitelist'));
  const blacklist = paths(field(config, 'blacklist'));
  if (listed(whitelist, request.functionPath)) return { ok: true };
  if (blacklist.length > 0 && !listed(blacklist, request.functionPath)) return { ok: true };
  const places = tokenPlaces(field(config, 'tokenLookup'));
  const token = places.map((place) => tokenAt(place, request)).find((value) => value !== undefined);
  if (token === undefined)
    return {
      ok: false,
      statusCode: 401,
      errorCode: 'Unauthorized',
      message: `this HTTP trigger has authType jwt: send the token in ${places.map(describe).join(', or ')}`,
    };
  if (!JWT.test(token)) return { ok: false, statusCode: 401, errorCode: 'InvalidToken', message: 'the token is not a JWT (<header>.<payload>.<signature>)' };
  const keys = jwksKeys(field(config, 'jwks'));
  const claims = tokenPayload(token) ?? {};
  if (keys.length === 0) return { ok: true, warning: 'a JWT is accepted without verifying it: authConfig has no jwks keys to check it against', claims };
  const problem = jwtProblem(token, keys, nowMs);
  return problem === undefined ? { ok: true, claims } : { ok: false, statusCode: 401, errorCode: 'InvalidToken', message: problem };
}
