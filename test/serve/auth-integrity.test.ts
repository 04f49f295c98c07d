/**
 * `function` auth as FC documents it, beyond the signature: the body a signature covers (FC 2.0's Content-MD5,
 * ACS3's x-acs-content-sha256), FC's 15-minute date window, and ACS3's nonce against replays.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAcs3 } from '../../src/remote/acs3-signature.js';
import { fc2Signature, fc2StringToSign, signFc2 } from '../../src/remote/fc2-signature.js';
import type { AuthSettings } from '../../src/serve/auth.js';
import { checkAuth } from '../../src/serve/auth.js';
import { NonceLedger } from '../../src/serve/nonces.js';

const key = { accessKeyId: 'LTAIunit', accessKeySecret: 'unit-secret' };
const MINUTE = 60_000;
const signedAt = Date.parse('2026-03-01T00:00:00Z');

function fc2Request(body: string, method = 'POST') {
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
  const request = { method, host: 'h', pathname: '/2016-08-15/proxy/s/f/p', query: [] as Array<[string, string]>, headers, body: Buffer.from(body) };
  signFc2(request, key, new Date(signedAt));
  return request;
}

/** The Authorization FC 2.0's signature gives these headers (signFc2 would set Content-MD5 its own way). */
const signedByHand = (path: string, headers: Record<string, string | string[]>) =>
  `FC ${key.accessKeyId}:${fc2Signature(fc2StringToSign({ method: 'POST', path, headers, queries: [] }), key.accessKeySecret)}`;

function acs3Request(body: string, nonce = 'nonce-1') {
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
  const request = {
    method: 'POST',
    host: '127.0.0.1:9000',
    pathname: '/2023-03-30/functions/f/p',
    query: [] as Array<[string, string]>,
    headers,
    body: Buffer.from(body),
  };
  signAcs3(request, key, { now: new Date(signedAt), nonce });
  return request;
}

describe('FC 2.0 function auth: Content-MD5 and the date window', () => {
  const settings: AuthSettings = { authType: 'function', platform: 'fc2', accessKey: key, now: signedAt };

  it('a changed body under a valid signature is refused: Content-MD5 is checked against the body', () => {
    const request = fc2Request('{"amount":1}');
    expect(checkAuth(request, settings)).toEqual({ ok: true });
    expect(checkAuth({ ...request, body: Buffer.from('{"amount":1000}') }, settings)).toMatchObject({
      ok: false,
      statusCode: 400,
      errorCode: 'InvalidArgument',
      message: expect.stringContaining('Content-MD5'),
    });
  });

  it("Content-MD5 as RFC 1864 writes it (base64 of the raw digest) is the body's too", () => {
    const body = '{"amount":1}';
    const headers: Record<string, string | string[]> = { 'content-md5': createHash('md5').update(body).digest('base64') };
    const request = { method: 'POST', host: 'h', pathname: '/2016-08-15/proxy/s/f/p', query: [] as Array<[string, string]>, headers, body: Buffer.from(body) };
    // signFc2 would overwrite the header with the SDK's form: sign by hand around the RFC form.
    const signed = fc2Request('');
    headers.date = signed.headers.date as string;
    headers.authorization = signedByHand(request.pathname, headers);
    expect(checkAuth(request, settings)).toEqual({ ok: true });
    expect(checkAuth({ ...request, body: Buffer.from('{}') }, settings)).toMatchObject({ ok: false, errorCode: 'InvalidArgument' });
  });

  it('a body without Content-MD5 is not covered by the signature: accepted, as FC does, with a warning', () => {
    const request = fc2Request('{"amount":1}');
    delete request.headers['content-md5'];
    const headers = { ...request.headers };
    headers.authorization = signedByHand(request.pathname, headers);
    expect(checkAuth({ ...request, headers }, settings)).toEqual({ ok: true, warning: expect.stringContaining('not covered by the signature') });
  });

  it('FC 2.0 documents only the 15-minute Date window: a replay within it is accepted (as in FC), outside refused', () => {
    const request = fc2Request('{"amount":1}');
    for (const at of [signedAt, signedAt + 1, signedAt + 14 * MINUTE, signedAt - 14 * MINUTE])
      expect(checkAuth(request, { ...settings, now: at })).toEqual({ ok: true });
    for (const at of [signedAt + 15 * MINUTE + 1000, signedAt - 16 * MINUTE]) {
      expect(checkAuth(request, { ...settings, now: at })).toMatchObject({ ok: false, statusCode: 403, errorCode: 'RequestTimeTooSkewed' });
    }
  });
});

describe('ACS3 function auth: the body hash and the nonce', () => {
  const settings = (nonces?: NonceLedger): AuthSettings => ({
    authType: 'function',
    platform: 'fc3',
    accessKey: key,
    now: signedAt,
    ...(nonces ? { nonces } : {}),
  });

  it('a changed body is refused, whether or not x-acs-content-sha256 was changed with it', () => {
    const request = acs3Request('{"amount":1}');
    expect(checkAuth(request, settings())).toEqual({ ok: true });
    const changed = Buffer.from('{"amount":1000}');
    expect(checkAuth({ ...request, body: changed }, settings())).toMatchObject({ ok: false, errorCode: 'ContentSHA256NotMatch' });
    const rehashed = { ...request.headers, 'x-acs-content-sha256': createHash('sha256').update(changed).digest('hex') };
    expect(checkAuth({ ...request, headers: rehashed, body: changed }, settings())).toMatchObject({ ok: false, errorCode: 'SignatureDoesNotMatch' });
  });

  it('a nonce accepted once is refused again within the window; another nonce passes', () => {
    const nonces = new NonceLedger();
    const request = acs3Request('{"amount":1}', 'n-1');
    expect(checkAuth(request, settings(nonces))).toEqual({ ok: true });
    expect(checkAuth(request, { ...settings(nonces), now: signedAt + 10 * MINUTE })).toMatchObject({
      ok: false,
      statusCode: 403,
      errorCode: 'SignatureNonceUsed',
    });
    expect(checkAuth(acs3Request('{"amount":1}', 'n-2'), settings(nonces))).toEqual({ ok: true });
    // Past the window the date refuses it, whatever the nonce.
    expect(checkAuth(request, { ...settings(nonces), now: signedAt + 16 * MINUTE })).toMatchObject({ ok: false, errorCode: 'RequestTimeTooSkewed' });
  });

  it('a forged request does not use up the nonce it names', () => {
    const nonces = new NonceLedger();
    const request = acs3Request('{"amount":1}', 'n-3');
    const forged = {
      ...request,
      headers: { ...request.headers, authorization: String(request.headers.authorization).replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`) },
    };
    expect(checkAuth(forged, settings(nonces))).toMatchObject({ ok: false, errorCode: 'SignatureDoesNotMatch' });
    expect(checkAuth(request, settings(nonces))).toEqual({ ok: true });
  });

  it('the ledger forgets a nonce once its date has left the window, and holds at most its capacity', () => {
    const ledger = new NonceLedger(2);
    expect(ledger.claim('k', 'a', 0, 100)).toBe(true);
    expect(ledger.claim('k', 'a', 50, 150)).toBe(false);
    expect(ledger.claim('other', 'a', 50, 150)).toBe(true);
    expect(ledger.claim('k', 'a', 101, 201)).toBe(true);
    expect(ledger.claim('k', 'b', 102, 202)).toBe(true);
    expect(ledger.claim('k', 'c', 103, 203)).toBe(true);
    // At capacity the oldest went first: 'other a' is forgotten, 'k c' is remembered.
    expect(ledger.claim('k', 'c', 104, 204)).toBe(false);
  });
});
