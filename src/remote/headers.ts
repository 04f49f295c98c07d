/** Request or response headers: lower-case names, repeated headers as arrays. */
export type HeaderMap = Record<string, string | string[]>;

/** Read-only headers in any case, as undici and node:http give them. */
export type AnyHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header's value by name in any case; a repeated header's values joined with ", ". */
export function headerValue(headers: AnyHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  // Keys, not entries: called several times for every answer of a load run.
  const keys = Object.keys(headers);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== lower && key.toLowerCase() !== lower) continue;
    const value = headers[key];
    if (value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

/** The headers with lower-case names (values of names that differ only in case are merged). */
export function lowerCaseHeaders(headers: AnyHeaders): HeaderMap {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const values = typeof value === 'string' ? [value] : [...value];
    const existing = result[key];
    const all = existing === undefined ? values : [...(typeof existing === 'string' ? [existing] : existing), ...values];
    result[key] = all.length === 1 ? all[0]! : all;
  }
  return result;
}

/** Connection-level headers: they describe one hop, not the request or response. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-connection']);

/** A response's headers as the function's caller sees them: lower-case names, hop-by-hop headers dropped. */
export function responseHeaders(headers: AnyHeaders): HeaderMap {
  // lowerCaseHeaders without the hop-by-hop names, skipped rather than deleted after (a delete makes the object slow).
  const result: HeaderMap = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (HOP_BY_HOP.has(key)) continue;
    const existing = result[key];
    if (existing === undefined) {
      result[key] = typeof value === 'string' ? value : value.length === 1 ? value[0]! : [...value];
      continue;
    }
    const all = [...(typeof existing === 'string' ? [existing] : existing), ...(typeof value === 'string' ? [value] : value)];
    result[key] = all.length === 1 ? all[0]! : all;
  }
  return result;
}

/** Percent-encoding of RFC 3986: everything but `A-Z a-z 0-9 - _ . ~`. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `?name=value&…` (RFC 3986 encoded, in order), or '' for no parameters. */
export function queryText(query: ReadonlyArray<readonly [string, string]>): string {
  return query.length === 0 ? '' : `?${query.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&')}`;
}

/** `base` + `path`: `/2016-08-15/proxy/s/f` + `/users/1` → `/2016-08-15/proxy/s/f/users/1`; `/` + `/x` → `/x`. */
export function joinPath(base: string, path: string): string {
  const left = base.endsWith('/') ? base.slice(0, -1) : base;
  const right = path.startsWith('/') ? path : `/${path}`;
  return `${left}${right}` || '/';
}
