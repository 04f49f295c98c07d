/**
 * The pieces of `fc-sim serve` that need no server: body limit while streaming, query parsing, auth decisions.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { signAcs3 } from '../../src/remote/acs3-signature.js';
import { signFc2 } from '../../src/remote/fc2-signature.js';
import type { AuthRequest } from '../../src/serve/auth.js';
import { checkAuth } from '../../src/serve/auth.js';
import { queryParams, readBody, RequestRefused } from '../../src/serve/request.js';

const key = { accessKeyId: 'LTAIunit', accessKeySecret: 'unit-secret' };

describe('request', () => {
  it('reads a body under the limit and refuses one that passes it while streaming', async () => {
    const stream = (chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk))) as unknown as IncomingMessage;
    expect((await readBody(stream(['abc', 'def']), 10)).toString()).toBe('abcdef');
    const refused = await readBody(stream(['abcdef', 'ghijkl', 'never read']), 10).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequestRefused);
    expect(refused).toMatchObject({ statusCode: 400, errorCode: 'InvalidArgument' });
  });

  it('keeps every value of a repeated query name, decoded', () => {
    expect(queryParams('a=1&a=2&b=x%20y&c')).toEqual({ a: ['1', '2'], b: ['x y'], c: [''] });
  });
});

describe('auth', () => {
  const base = (headers: Record<string, string | string[]>): AuthRequest => ({
    method: 'GET',
    pathname: '/2016-08-15/proxy/s/f/p',
    query: [['x', '1']],
    headers,
    body: Buffer.alloc(0),
  });

  it('anonymous: anyone; jwt: a well-formed bearer token (401 otherwise), not verified', () => {
    expect(checkAuth(base({}), { authType: 'anonymous', platform: 'fc2', accessKey: key })).toEqual({ ok: true });
    expect(checkAuth(base({}), { authType: 'jwt', platform: 'fc3', accessKey: undefined })).toMatchObject({ ok: false, statusCode: 401 });
    expect(checkAuth(base({ authorization: 'Bearer abc' }), { authType: 'jwt', platform: 'fc3', accessKey: undefined })).toMatchObject({
      ok: false,
      statusCode: 401,
      errorCode: 'InvalidToken',
    });
    expect(checkAuth(base({ authorization: 'Bearer eyJh.eyJz.c2ln' }), { authType: 'jwt', platform: 'fc3', accessKey: undefined })).toMatchObject({
      ok: true,
      warning: expect.stringContaining('JWT'),
    });
  });

  it("FC 2.0: the scheme must be FC 2.0's; a stale Date is refused", () => {
    const settings = { authType: 'function' as const, platform: 'fc2' as const, accessKey: key };
    expect(checkAuth(base({ authorization: 'ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=ab' }), settings)).toMatchObject({
      ok: false,
      statusCode: 403,
      errorCode: 'AccessDenied',
    });
    const headers: Record<string, string | string[]> = {};
    const now = Date.parse('2025-03-01T00:00:00Z');
    signFc2({ method: 'GET', host: 'h', pathname: '/2016-08-15/proxy/s/f/p', query: [['x', '1']], headers, body: Buffer.alloc(0) }, key, new Date(now));
    expect(checkAuth(base(headers), { ...settings, now: now + 60_000 })).toEqual({ ok: true });
    expect(checkAuth(base(headers), { ...settings, now: now + 16 * 60_000 })).toMatchObject({ ok: false, errorCode: 'RequestTimeTooSkewed' });
    expect(checkAuth(base({ ...headers, authorization: 'FC LTAIother:abc' }), { ...settings, now })).toMatchObject({
      ok: false,
      errorCode: 'InvalidAccessKeyId.NotFound',
    });
  });

  it('FC 3.0: ACS3 checks the body hash too', () => {
    const headers: Record<string, string | string[]> = {};
    const body = Buffer.from('{"a":1}');
    signAcs3({ method: 'POST', host: '127.0.0.1:9000', pathname: '/admin/x', query: [], headers, body }, key);
    const request = { method: 'POST', pathname: '/admin/x', query: [], headers, body };
    const settings = { authType: 'function' as const, platform: 'fc3' as const, accessKey: key };
    expect(checkAuth(request, settings)).toEqual({ ok: true });
    expect(checkAuth({ ...request, body: Buffer.from('{"a":2}') }, settings)).toMatchObject({ ok: false, errorCode: 'ContentSHA256NotMatch' });
  });
});
