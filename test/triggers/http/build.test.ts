import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFc2HttpRequest, buildHttpEvent, canonicalHeaderName, encodePath, queryString } from '../../../src/triggers/http/build.js';
import { validate } from '../../../src/schema/validate.js';

describe('HTTP request builders', () => {
  it('encode the path per segment, keeping the slashes', () => {
    expect(encodePath("/a b/报告(1)/it's")).toBe('/a%20b/%E6%8A%A5%E5%91%8A%281%29/it%27s');
    expect(queryString({ q: 'a b', tag: ['x', 'y'] })).toBe('?q=a+b&tag=x&tag=y');
    expect(queryString({})).toBe('');
  });

  it("encode a path as encodeURIComponent does, but for the slashes kept and !'()* escaped; a lone surrogate throws", () => {
    const reference = (path: string) =>
      encodeURIComponent(path)
        .replaceAll('%2F', '/')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const outcome = (encode: (path: string) => string, path: string) => {
      try {
        return encode(path);
      } catch (error) {
        return (error as Error).name;
      }
    };
    // Any code point (lone surrogates included), or mostly the characters encodePath treats apart.
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
    const paths = fc.oneof(fc.string({ unit: anyCodePoint }), fc.string({ unit: fc.constantFrom(...`/!'()*%~-_. aZ9\uD800\uDC00é图😀`) }));
    fc.assert(
      fc.property(paths, (path) => outcome(encodePath, path) === outcome(reference, path)),
      { numRuns: 2000 },
    );
    expect(() => encodePath('a\uD83Db')).toThrow(URIError);
  });

  it('make the FC 3.0 event: joined multi-values, base64 only for bytes that are not UTF-8', () => {
    const text = buildHttpEvent({ body: new TextEncoder().encode('héllo'), headers: { Accept: ['a', 'b'] } });
    expect(text).toMatchObject({ body: 'héllo', isBase64Encoded: false, headers: { Accept: 'a,b' } });
    const binary = buildHttpEvent({ body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(binary).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
    expect(validate('http', binary).issues).toEqual([]);
  });

  it('give FC 3.0 header names in Go’s canonical form, a name sent in several cases once (the captured event)', () => {
    const event = buildHttpEvent({ headers: { 'x-acs-content-sha256': 'h', ACCEPT: 'a', accept: 'b', 'odd name': 'kept' } });
    expect(event.headers).toEqual({ 'X-Acs-Content-Sha256': 'h', Accept: 'a,b', 'odd name': 'kept' });
    expect(canonicalHeaderName('x-forwarded-proto')).toBe('X-Forwarded-Proto');
  });

  it('make the FC 2.0 request: lower-cased headers, Node’s rules for repeats, arrays for repeated queries', () => {
    const request = buildFc2HttpRequest({
      path: '/a b',
      query: { one: 'x', many: ['1', '2'] },
      headers: { 'Set-Cookie': ['a=1', 'b=2'], 'User-Agent': ['first', 'second'], Accept: ['x', 'y'] },
    });
    expect(request).toMatchObject({
      url: '/a%20b?one=x&many=1&many=2',
      queries: { one: 'x', many: ['1', '2'] },
      headers: { 'set-cookie': ['a=1', 'b=2'], 'user-agent': 'first', accept: 'x, y' },
    });
    expect(validate('fc2-http-request', request).issues).toEqual([]);
  });
});
