import type { HttpRequestParams, MultiValue } from '../triggers/http/build.js';

/** Where `claimPassBy` puts a claim of the verified token: a request parameter the function reads. */
interface ClaimMapping {
  position: 'header' | 'query' | 'cookie' | 'form';
  claim: string;
  name: string;
}

const POSITIONS = new Set(['header', 'query', 'cookie', 'form']);

/**
 * `authConfig.claimPassBy` as devsapp/fc3 writes it (`src/interface/trigger.ts`: a list of `{claimName?,
 * mappingParameterName, mappingParameterPosition}`) or the API's text `query:uid:uid,header:name:name`
 * (`position:claimName:mappingName`, the FC 3.0 API's HTTPTriggerConfig example). The fc3 docs list header, cookie
 * and form; the API's example maps to query: all four are read. A mapping without a claim name (optional in the fc3
 * docs; the component sends `query::adsa`, as in its e2e jwt project) passes the claim of the parameter's name: FC's
 * docs do not say, and the one example maps a claim to a parameter of the same name (`uid` → `uid`). fc3's default
 * `query::` names neither and passes nothing.
 */
function claimMappings(value: unknown): ClaimMapping[] {
  const entries: Array<{ mappingParameterPosition?: unknown; claimName?: unknown; mappingParameterName?: unknown }> = Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? item : {}))
    : typeof value === 'string'
      ? value.split(',').map((text) => {
          const [mappingParameterPosition, claimName, mappingParameterName] = text.split(':');
          return { mappingParameterPosition, claimName, mappingParameterName };
        })
      : [];
  return entries.flatMap((entry): ClaimMapping[] => {
    const position = String(entry.mappingParameterPosition ?? '').toLowerCase();
    const name = String(entry.mappingParameterName ?? '').trim();
    const claim = String(entry.claimName ?? '').trim() || name;
    return POSITIONS.has(position) && name !== '' ? [{ position: position as ClaimMapping['position'], claim, name }] : [];
  });
}

/** A claim as a parameter's text: a string as it is, any other JSON value as JSON (`42`, `["admin"]`). */
const claimText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The request the function sees once FC has verified its JWT: each claim `claimPassBy` names set as the header,
 * query parameter, cookie or form field it maps to ("Configure JWT authentication for an HTTP trigger": extract the
 * claim userId into the query parameter userId, so the code reads the user from the query). A mapping replaces what
 * the client sent under that name: what the function reads is the verified claim, never a value a caller made up. A
 * claim the token lacks passes nothing; form fields go into an `application/x-www-form-urlencoded` body only.
 *
 * @example
 * ```ts
 * const params = { ...httpRequestDefaults, query: { uid: 'forged' } };
 * withClaims(params, 'query:sub:uid', { sub: 'user-42' }).query; // { uid: 'user-42' }
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/configure-jwt-authentication-for-an-http-trigger
 */
export function withClaims(params: HttpRequestParams, claimPassBy: unknown, claims: Readonly<Record<string, unknown>>): HttpRequestParams {
  const passed = claimMappings(claimPassBy).filter((mapping) => Object.hasOwn(claims, mapping.claim) && claims[mapping.claim] !== undefined);
  if (passed.length === 0) return params;
  const headers: Record<string, MultiValue> = { ...params.headers };
  const query = { ...params.query };
  let body = params.body;
  const cookies: string[] = [];
  for (const { position, claim, name } of passed) {
    const value = claimText(claims[claim]);
    if (position === 'query') query[name] = value;
    else if (position === 'cookie') cookies.push(`${name}=${value}`);
    else if (position === 'header') {
      takeHeader(headers, name);
      headers[name] = value;
    } else if (headerValues(headers, 'content-type')[0]?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(Buffer.from(body).toString('utf8'));
      form.set(name, value);
      body = form.toString();
    }
  }
  if (cookies.length > 0) setCookies(headers, cookies);
  return { ...params, headers, query, body };
}

const cookieName = (pair: string) => pair.slice(0, pair.indexOf('=')).trim();

const spellings = (headers: Record<string, MultiValue>, name: string) => Object.keys(headers).filter((key) => key.toLowerCase() === name.toLowerCase());

/** The values of a header under any spelling (`X-Tenant`, `x-tenant`), as sent. */
function headerValues(headers: Record<string, MultiValue>, name: string): string[] {
  return spellings(headers, name).flatMap((key) => headers[key]!);
}

/** Removes a header under every spelling; its values, as sent. */
function takeHeader(headers: Record<string, MultiValue>, name: string): string[] {
  const values = headerValues(headers, name);
  for (const key of spellings(headers, name)) delete headers[key];
  return values;
}

/** The request's Cookie header with these `name=value` pairs, each replacing a cookie of its name. */
function setCookies(headers: Record<string, MultiValue>, pairs: readonly string[]): void {
  const mapped = new Set(pairs.map(cookieName));
  const sent = takeHeader(headers, 'cookie').flatMap((header) => header.split(';'));
  const kept = sent.map((pair) => pair.trim()).filter((pair) => pair !== '' && !mapped.has(cookieName(pair)));
  headers.cookie = [...kept, ...pairs].join('; ');
}
