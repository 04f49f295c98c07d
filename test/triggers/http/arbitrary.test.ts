import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fc2HttpRequest, httpEvent, httpRequest } from '../../../src/triggers/http/arbitrary.js';
import type { HttpRequestParams } from '../../../src/triggers/http/build.js';
import { buildHttpEvent, canonicalHeaderName } from '../../../src/triggers/http/build.js';
import { validate } from '../../../src/schema/validate.js';

/** A request with its FC 3.0 event, to check the event against what was sent. */
const exchange = (constraints = {}) => httpRequest(constraints).map((request) => ({ request, event: buildHttpEvent(request) }));
const values = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : value);
const bytesOf = (body: HttpRequestParams['body']) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body));
const isUtf8 = (bytes: Buffer) => Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

describe('httpEvent and fc2HttpRequest', () => {
  it('draw FC 3.0 events that validate against the http schema', () => {
    fc.assert(
      fc.property(httpEvent(), (event) => validate('http', event).valid),
      { numRuns: 1000 },
    );
  });

  it('draw FC 2.0 requests that validate against the fc2-http-request schema', () => {
    fc.assert(
      fc.property(fc2HttpRequest(), (request) => validate('fc2-http-request', request).valid),
      { numRuns: 1000 },
    );
  });

  describe('coherence', () => {
    it('has a rawPath that decodes segment by segment to requestContext.http.path', () => {
      fc.assert(
        fc.property(httpEvent(), (event) => {
          expect(event.rawPath.split('/').map(decodeURIComponent).join('/')).toBe(event.requestContext.http.path);
          expect(event.rawPath).toMatch(/^\/[\x21-\x7e]*$/);
        }),
      );
    });

    it('base64-encodes the body exactly when it is not UTF-8, and it decodes to the bytes sent', () => {
      fc.assert(
        fc.property(exchange(), ({ request, event }) => {
          const sent = bytesOf(request.body);
          expect(event.isBase64Encoded).toBe(!isUtf8(sent));
          expect(Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').equals(sent)).toBe(true);
        }),
      );
    });

    it('has a timeEpoch in the same second as time', () => {
      fc.assert(
        fc.property(httpEvent(), ({ requestContext: { time, timeEpoch } }) => {
          expect(Math.floor(Number(timeEpoch) / 1000) * 1000).toBe(Date.parse(time));
        }),
      );
    });

    it('comma-joins repeated header and query values, header names in canonical case', () => {
      fc.assert(
        fc.property(exchange(), ({ request, event }) => {
          for (const [name, value] of Object.entries(request.headers)) expect(event.headers[canonicalHeaderName(name)]).toBe(values(value).join(','));
          for (const [name, value] of Object.entries(request.query)) expect(event.queryParameters[name]).toBe(values(value).join(','));
        }),
      );
    });

    it('sends a Content-Type that fits the drawn body', () => {
      fc.assert(
        fc.property(httpRequest(), ({ body, headers }) => {
          const sent = bytesOf(body);
          const type = headers['Content-Type'];
          if (sent.length === 0) return;
          if (!isUtf8(sent)) expect(type).toBe('application/octet-stream');
          else if (type === 'application/json') JSON.parse(sent.toString('utf8'));
          else expect(type).toBe('text/plain; charset=utf-8');
        }),
      );
    });
  });

  describe('constraints', () => {
    it('draws the method from methods only', () => {
      fc.assert(
        fc.property(httpEvent({ methods: ['PUT', 'DELETE'] }), (event) => ['PUT', 'DELETE'].includes(event.requestContext.http.method)),
        { numRuns: 200 },
      );
    });

    it('draws bodies of bodyKinds only', () => {
      fc.assert(
        fc.property(httpEvent({ bodyKinds: ['binary'] }), (event) => event.isBase64Encoded),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(httpEvent({ bodyKinds: ['empty'] }), (event) => event.body === ''),
        { numRuns: 200 },
      );
    });

    it('keeps fixed parameters', () => {
      const fixed = { method: 'POST' as const, path: '/users/张三', headers: { 'User-Agent': 'test' }, body: new Uint8Array([0xff, 0]), region: 'cn-beijing' };
      fc.assert(
        fc.property(httpEvent(fixed), (event) => {
          expect(event.rawPath).toBe('/users/%E5%BC%A0%E4%B8%89');
          expect(event.headers).toEqual({ 'User-Agent': 'test' });
          expect(event).toMatchObject({ body: '/wA=', isBase64Encoded: true, requestContext: { http: { method: 'POST', userAgent: 'test' } } });
          expect(event.requestContext.domainName).toMatch(/\.cn-beijing\.fcapp\.run$/);
        }),
        { numRuns: 100 },
      );
    });
  });

  it('draws the edge cases', () => {
    const requests = fc.sample(httpRequest(), { seed: 42, numRuns: 2000 });
    const count = (predicate: (request: HttpRequestParams) => boolean) => requests.filter(predicate).length;
    const repeated = (map: HttpRequestParams['query']) => Object.values(map).some((value) => typeof value !== 'string');
    expect(count((r) => r.body instanceof Uint8Array && !isUtf8(Buffer.from(r.body)))).toBeGreaterThan(100);
    expect(count((r) => r.body instanceof Uint8Array && isUtf8(Buffer.from(r.body)))).toBeGreaterThan(50);
    expect(count((r) => r.headers['Content-Type'] === 'application/json')).toBeGreaterThan(100);
    expect(count((r) => r.body === '')).toBeGreaterThan(300);
    expect(count((r) => repeated(r.headers))).toBeGreaterThan(100);
    expect(count((r) => repeated(r.query))).toBeGreaterThan(100);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII
    expect(count((r) => /[^\x00-\x7f]/.test(r.path))).toBeGreaterThan(100);
    expect(count((r) => / /.test(r.path))).toBeGreaterThan(100);
    expect(count((r) => /[?#%&+]/.test(r.path))).toBeGreaterThan(50);
    expect(count((r) => r.path === '/')).toBeGreaterThan(50);
    expect(count((r) => r.sourceIp.includes(':'))).toBeGreaterThan(50);
    expect(count((r) => r.headers['User-Agent'] === undefined)).toBeGreaterThan(50);
    expect(new Set(requests.map((r) => r.method)).size).toBe(7);
    // GET and HEAD mostly come without a body.
    const bodiless = requests.filter((r) => r.method === 'GET' || r.method === 'HEAD');
    expect(bodiless.filter((r) => bytesOf(r.body).length > 0).length / bodiless.length).toBeLessThan(0.15);
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(httpEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(httpEvent(), { seed: 7, numRuns: 50 }));
    expect(fc.sample(fc2HttpRequest(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(fc2HttpRequest(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const event = fc.check(
      fc.property(httpEvent(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(event).toMatchObject({ rawPath: '/', body: '', headers: {}, queryParameters: {}, requestContext: { http: { method: 'GET' } } });
    expect(JSON.stringify(event).length).toBeLessThan(450);
    const request = fc.check(
      fc.property(fc2HttpRequest(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(request).toMatchObject({ method: 'GET', url: '/', headers: {}, queries: {}, body: '' });
    expect(JSON.stringify(request).length).toBeLessThan(120);
  });
});
