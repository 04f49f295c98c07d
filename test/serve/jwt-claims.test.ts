import { describe, expect, it } from 'vitest';
import { withClaims } from '../../src/serve/jwt-claims.js';
import { jwtClaimPassBy } from '../../src/serve/jwt.js';
import { httpRequestDefaults } from '../../src/triggers/http/build.js';

const claims = { sub: 'user-42', tenant: 'acme', level: 3, roles: ['admin'] };

describe('withClaims: claimPassBy puts verified claims where the function reads them', () => {
  it('reads the API text form position:claimName:mappingName, query and header', () => {
    const params = withClaims({ ...httpRequestDefaults, query: { page: '2' } }, 'query:sub:uid,header:tenant:X-Tenant', claims);
    expect(params.query).toEqual({ page: '2', uid: 'user-42' });
    expect(params.headers['X-Tenant']).toBe('acme');
  });

  it("reads the fc3 component's list form; a mapping without a claim name passes the claim of its parameter's name", () => {
    const params = withClaims(
      httpRequestDefaults,
      [
        { mappingParameterPosition: 'header', mappingParameterName: 'tenant' },
        { mappingParameterPosition: 'query', mappingParameterName: 'lvl', claimName: 'level' },
      ],
      claims,
    );
    expect(params.headers.tenant).toBe('acme');
    // Other JSON values as JSON text.
    expect(params.query).toEqual({ lvl: '3' });
    expect(withClaims(httpRequestDefaults, 'query:roles:roles', claims).query).toEqual({ roles: '["admin"]' });
  });

  it('replaces what the client sent under the mapped name, in any case, and keeps the rest', () => {
    const sent = { ...httpRequestDefaults, query: { uid: 'forged' }, headers: { 'x-tenant': 'other', Cookie: 'a=1; uid=forged', Accept: '*/*' } };
    const params = withClaims(sent, 'query:sub:uid,header:tenant:X-Tenant,cookie:sub:uid', claims);
    expect(params.query).toEqual({ uid: 'user-42' });
    expect(params.headers).toEqual({ 'X-Tenant': 'acme', cookie: 'a=1; uid=user-42', Accept: '*/*' });
  });

  it('a form field goes into an urlencoded body only', () => {
    const form = { ...httpRequestDefaults, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&uid=forged' };
    expect(withClaims(form, 'form:sub:uid', claims).body).toBe('a=1&uid=user-42');
    const json = { ...httpRequestDefaults, headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(withClaims(json, 'form:sub:uid', claims).body).toBe('{}');
  });

  it("passes nothing for a claim the token lacks, an unknown position, or fc3's default query::", () => {
    for (const claimPassBy of ['query:missing:uid', 'query:constructor:uid', 'path:sub:uid', 'query::', '', undefined, [{}]])
      expect(withClaims(httpRequestDefaults, claimPassBy, claims), JSON.stringify(claimPassBy)).toBe(httpRequestDefaults);
  });

  it('jwtClaimPassBy reads it from the object form and the API JSON text, case-insensitively', () => {
    expect(jwtClaimPassBy({ claimPassBy: 'query:sub:uid' })).toBe('query:sub:uid');
    expect(jwtClaimPassBy('{"JWKS":{"keys":[]},"ClaimPassBy":"header:name:name"}')).toBe('header:name:name');
    expect(jwtClaimPassBy('not json')).toBeUndefined();
  });
});
