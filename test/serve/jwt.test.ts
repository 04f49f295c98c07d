import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkJwt } from '../../src/serve/jwt.js';

describe('authType jwt (serve)', () => {
  it('JWT: a whitelist frees its paths, cookies and forms carry tokens, the default is Authorization: Bearer', () => {
    const request = (headers: Record<string, string>, functionPath = '/x', body = '') => ({ headers, query: [], body: Buffer.from(body), functionPath });
    expect(checkJwt(request({}, '/login'), { whitelist: ['/login'] })).toEqual({ ok: true });
    expect(checkJwt(request({}, '/other'), { whitelist: ['/login'] })).toMatchObject({ ok: false, statusCode: 401 });
    expect(checkJwt(request({ authorization: 'Bearer a.b.c' }), {})).toMatchObject({ ok: true, warning: expect.stringContaining('JWT') });
    expect(checkJwt(request({ authorization: 'Bearer nope' }), {})).toMatchObject({ ok: false, errorCode: 'InvalidToken' });
    expect(checkJwt(request({ cookie: 'a=1; jwt=a.b.c' }), { tokenLookup: 'cookie:jwt' })).toMatchObject({ ok: true });
    const form = request({ 'content-type': 'application/x-www-form-urlencoded' }, '/x', 'id=a.b.c');
    expect(checkJwt(form, { tokenLookup: [{ readPosition: 'form', parameterName: 'id' }] })).toMatchObject({ ok: true });
  });

  it('a blacklist protects only its paths, exactly or under /prefix/*', () => {
    const request = (functionPath: string) => ({ headers: {}, query: [], body: Buffer.alloc(0), functionPath });
    const config = { blackList: ['/black1/bbb', '/black2/*'] };
    expect(checkJwt(request('/'), config)).toEqual({ ok: true });
    expect(checkJwt(request('/black1/bbbb'), config)).toEqual({ ok: true });
    for (const path of ['/black1/bbb', '/black2', '/black2/x/y']) expect(checkJwt(request(path), config), path).toMatchObject({ ok: false, statusCode: 401 });
  });
});

describe('authType jwt: the token verified with authConfig.jwks, as FC does', () => {
  // 1024-bit RSA: what is checked does not depend on the key's size, and drawing a 2048-bit key costs 0.15-0.3 CPU-s.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = (key: KeyObject, extra: Record<string, string>) => ({ ...key.export({ format: 'jwk' }), ...extra });
  const jwks = { keys: [jwk(rsa.publicKey, { kid: 'rsa-1', alg: 'RS256', use: 'sig' }), jwk(ec.publicKey, { kid: 'ec-1', alg: 'ES256', use: 'sig' })] };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  function token(header: object, payload: object, sign: (data: Buffer) => Buffer): string {
    const data = `${part(header)}.${part(payload)}`;
    return `${data}.${sign(Buffer.from(data)).toString('base64url')}`;
  }
  const rs256 = (payload: object, key = rsa.privateKey, kid = 'rsa-1') =>
    token({ alg: 'RS256', typ: 'JWT', kid }, payload, (data) => sign('sha256', data, key));
  const now = Date.UTC(2026, 11, 1);
  const check = (jwt: string, config: object = { jwks }) =>
    checkJwt({ headers: { authorization: `Bearer ${jwt}` }, query: [], body: Buffer.alloc(0), functionPath: '/x' }, config, now);

  it('passes a token signed by a key of the set (RS256, ES256), with no warning', () => {
    // The claims come back, for claimPassBy.
    expect(check(rs256({ sub: 'u1', exp: now / 1000 + 60 }))).toEqual({ ok: true, claims: { sub: 'u1', exp: now / 1000 + 60 } });
    const es256 = token({ alg: 'ES256', kid: 'ec-1' }, { sub: 'u1' }, (data) => sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(check(es256)).toEqual({ ok: true, claims: { sub: 'u1' } });
    // The API's authConfig holds the key set as JSON text, or is JSON text itself.
    expect(check(rs256({ sub: 'u1' }), { jwks: JSON.stringify(jwks) })).toEqual({ ok: true, claims: { sub: 'u1' } });
    expect(check(rs256({ sub: 'u1' }), JSON.stringify({ JWKS: jwks }) as never)).toEqual({ ok: true, claims: { sub: 'u1' } });
    expect(check(rs256({ sub: 'u1' }, other.privateKey), JSON.stringify({ JWKS: jwks }) as never)).toMatchObject({ ok: false });
  });

  it('refuses a changed payload, another key, an unknown kid, an expired or not-yet-valid token: 401 InvalidToken', () => {
    const good = rs256({ sub: 'u1' }).split('.');
    const forged = [good[0], part({ sub: 'admin' }), good[2]].join('.');
    const refusals = [
      [forged, 'the signature does not verify with authConfig.jwks'],
      [rs256({ sub: 'u1' }, other.privateKey), 'the signature does not verify with authConfig.jwks'],
      [rs256({ sub: 'u1' }, rsa.privateKey, 'rotated'), 'no key of authConfig.jwks has kid "rotated"'],
      [rs256({ exp: now / 1000 - 1 }), 'the token expired at 2026-11-30T23:59:59.000Z'],
      [rs256({ nbf: now / 1000 + 60 }), 'the token is not valid before 2026-12-01T00:01:00.000Z'],
      [token({ alg: 'none' }, { sub: 'u1' }, () => Buffer.alloc(0)), "the token's algorithm none is not one a JWKS key signs with"],
    ] as const;
    for (const [jwt, message] of refusals) expect(check(jwt), message).toEqual({ ok: false, statusCode: 401, errorCode: 'InvalidToken', message });
  });

  it('without keys in authConfig (FC requires them), a well-formed token passes with a warning', () => {
    expect(check(rs256({ sub: 'u1' }), {})).toMatchObject({ ok: true, warning: expect.stringContaining('no jwks keys') });
  });
});
