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
