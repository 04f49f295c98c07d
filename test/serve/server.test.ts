/**
 * `fc-sim serve` against the fixture projects: real requests over loopback to each kind of route (FC 2.0 proxy
 * paths, FC 3.0 function paths, custom-domain routes), allowed methods, auth, function errors, limits, reload.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { signAcs3 } from '../../src/remote/acs3-signature.js';
import { signFc2 } from '../../src/remote/fc2-signature.js';
import { cleanUp, inlineProject, serve } from './helpers.js';

afterEach(cleanUp);

const fcApp = () => loadProject('fixtures/projects/fc-app');
const funApp = () => loadProject('fixtures/projects/fun-app');
const fc3App = () => loadProject('fixtures/projects/fc3-app');
const key = { accessKeyId: 'LTAIfcsimtest', accessKeySecret: 'fc-sim-test-secret' };

async function text(response: Response): Promise<string> {
  return response.text();
}

/** A GET with its own Host header (fetch sends the URL's host), answered with the body's text. */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const request = httpRequest(url, { headers: { host } }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (body += chunk))
        .on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('fc-app (FC 2.0, nodejs16): proxy paths and custom-domain routes', () => {
  it('passes the path after /2016-08-15/proxy/<service>/<function> to an FC 2.0 HTTP handler', async () => {
    const { url, logs } = await serve(fcApp());
    const response = await fetch(`${url}/2016-08-15/proxy/media/web/a/b?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('x-fc-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await text(response)).toBe('GET /a/b');
    // A qualifier after the service, and the bare function URL (the function sees /).
    expect(await text(await fetch(`${url}/2016-08-15/proxy/media.LATEST/docs/`))).toBe('docs /');
    expect(await text(await fetch(`${url}/2016-08-15/proxy/media/docs`))).toBe('docs /');
    // One log stream: the FC lines of the invocation, prefixed with the function, then the access line.
    expect(logs).toContainEqual(expect.stringMatching(/^\[media\/web\] FC Invoke Start RequestId: /));
    expect(logs).toContainEqual(expect.stringMatching(/"GET \/2016-08-15\/proxy\/media\/web\/a\/b\?x=1" 200 8 .* media\/web via proxy/));
  });

  it('routes the custom domain paths at / (the function sees the whole path), with the body', async () => {
    const { url } = await serve(fcApp());
    expect(await text(await fetch(`${url}/docs/guide/intro`))).toBe('docs /docs/guide/intro');
    const posted = await fetch(`${url}/web/upload`, { method: 'POST', body: 'hello' });
    expect(await text(posted)).toBe('POST /web/upload');
    // A Host naming the domain: its routes.
    expect(await getWithHost(`${url}/web/x`, 'media.example.com')).toBe('GET /web/x');
  });

  it('serves each function on a host of its own too, <function>.<service>.localhost, where it sees the whole path', async () => {
    const { url, logs } = await serve(fcApp());
    expect(await getWithHost(`${url}/login?next=/a`, 'web.media.localhost')).toBe('GET /login');
    expect(logs).toContainEqual(expect.stringMatching(/"GET \/login\?next=\/a" 200 .* media\/web via web\.media\.localhost/));
  });

  it('allows only the trigger methods: 405 with Allow and FC error JSON', async () => {
    const { url } = await serve(fcApp());
    const response = await fetch(`${url}/docs/x`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ ErrorCode: 'MethodNotAllowed' });
    expect((await fetch(`${url}/2016-08-15/proxy/media/web/`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers 404 with FC error codes for unknown paths, services and functions', async () => {
    const { url } = await serve(fcApp());
    const unknown = await fetch(`${url}/nothing/here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ErrorCode: 'PathNotFound' });
    expect(await (await fetch(`${url}/2016-08-15/proxy/other/web/`)).json()).toMatchObject({ ErrorCode: 'ServiceNotFound' });
    // resize has no HTTP trigger: not served.
    expect(await (await fetch(`${url}/2016-08-15/proxy/media/resize/`)).json()).toMatchObject({ ErrorCode: 'FunctionNotFound' });
  });

  it('requires an FC 2.0 signature for authType function, verified when a key is given', async () => {
    const project = fcApp();
    project.functions.find((fn) => fn.name === 'docs')!.triggers[0]!.config.authType = 'function';
    const { url } = await serve(project, { accessKey: key });
    const path = '/2016-08-15/proxy/media/docs/p';
    const unsigned = await fetch(`${url}${path}?a=1`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ ErrorCode: 'AccessDenied' });
    const signed = (secret: string) => {
      const headers: Record<string, string | string[]> = {};
      signFc2(
        { method: 'GET', host: new URL(url).host, pathname: path, query: [['a', '1']], headers, body: Buffer.alloc(0) },
        { ...key, accessKeySecret: secret },
      );
      return headers as Record<string, string>;
    };
    const ok = await fetch(`${url}${path}?a=1`, { headers: signed(key.accessKeySecret) });
    expect(await text(ok)).toBe('docs /p');
    const wrong = await fetch(`${url}${path}?a=1`, { headers: signed('not-the-secret') });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ ErrorCode: 'SignatureNotMatch' });
  });
});

describe('fun-app (Fun template, nodejs14)', () => {
  it('serves /hello/* and /bye/* from the template, and the proxy paths', async () => {
    const { url } = await serve(funApp());
    expect(await text(await fetch(`${url}/hello/world`))).toBe('hello from /hello/world');
    expect(await text(await fetch(`${url}/bye/now`))).toBe('bye from /bye/now');
    expect(await text(await fetch(`${url}/2016-08-15/proxy/fun-service/hello/z`))).toBe('hello from /z');
    expect(await text(await fetch(`${url}/hello/%E5%BC%A0`))).toBe('hello from /hello/张');
    expect((await fetch(`${url}/bye/now`, { method: 'POST', body: '' })).status).toBe(405);
  });
});

describe('fc3-app (FC 3.0, nodejs20): events and auth', () => {
  it('turns the request into the FC 3.0 event and the returned object into the response', async () => {
    const { url } = await serve(fc3App());
    const viaDomain = await fetch(`${url}/api/items?tag=a&tag=b`);
    expect(viaDomain.status).toBe(200);
    expect(viaDomain.headers.get('content-type')).toBe('application/json');
    expect(viaDomain.headers.get('x-fc-request-id')).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{12}$/);
    expect(await viaDomain.json()).toEqual({ path: '/api/items', method: 'GET' });
    expect(await (await fetch(`${url}/api/items`, { method: 'POST', body: '{}' })).json()).toEqual({ path: '/api/items', method: 'POST' });
    expect(await (await fetch(`${url}/2023-03-30/functions/api/q`)).json()).toEqual({ path: '/q', method: 'GET' });
    expect((await fetch(`${url}/api/items`, { method: 'PUT', body: '' })).status).toBe(405);
  });

  it('longest route first: /api/* and /admin/* go to their functions', async () => {
    const { url } = await serve(fc3App(), { accessKey: null });
    const headers = { authorization: 'ACS3-HMAC-SHA256 Credential=LTAIany,SignedHeaders=host,Signature=abcdef' };
    expect(await text(await fetch(`${url}/admin/users`, { headers }))).toBe('admin /admin/users');
    expect(await (await fetch(`${url}/api`)).json()).toEqual({ path: '/api', method: 'GET' });
  });

  it('authType function: 403 without Authorization; a well-formed one passes with a warning when no key is set', async () => {
    const { url, logs } = await serve(fc3App(), { accessKey: null });
    const denied = await fetch(`${url}/admin/x`);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/json');
    expect(await denied.json()).toMatchObject({ ErrorCode: 'AccessDenied', ErrorMessage: expect.stringContaining('Authorization') });
    const malformed = await fetch(`${url}/admin/x`, { headers: { authorization: 'Bearer nope' } });
    expect(malformed.status).toBe(403);
    const headers = { authorization: 'ACS3-HMAC-SHA256 Credential=LTAIany,SignedHeaders=host;x-acs-date,Signature=0123abcd' };
    expect(await text(await fetch(`${url}/admin/x`, { headers }))).toBe('admin /admin/x');
    expect(logs).toContainEqual(
      expect.stringContaining('[admin] warning: a signed request (ACS3-HMAC-SHA256, AccessKeyId LTAIany) is accepted without verifying'),
    );
  });

  it('authType function with a key: an ACS3 signature made with it passes, another does not', async () => {
    const { url } = await serve(fc3App(), { accessKey: key });
    const signed = (secret: string, path: string) => {
      const headers: Record<string, string | string[]> = {};
      signAcs3(
        { method: 'GET', host: new URL(url).host, pathname: path, query: [['q', 'x y']], headers, body: Buffer.alloc(0) },
        { ...key, accessKeySecret: secret },
      );
      delete headers.host;
      return headers as Record<string, string>;
    };
    expect(await text(await fetch(`${url}/admin/a?q=x%20y`, { headers: signed(key.accessKeySecret, '/admin/a') }))).toBe('admin /admin/a');
    expect(
      await text(await fetch(`${url}/2023-03-30/functions/admin/b?q=x%20y`, { headers: signed(key.accessKeySecret, '/2023-03-30/functions/admin/b') })),
    ).toBe('admin /b');
    const wrong = await fetch(`${url}/admin/a?q=x%20y`, { headers: signed('other', '/admin/a') });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ ErrorCode: 'SignatureDoesNotMatch' });
    // Signed for another path: refused too.
    expect((await fetch(`${url}/admin/c?q=x%20y`, { headers: signed(key.accessKeySecret, '/admin/a') })).status).toBe(403);
  });
});

describe('function errors and FC request limits', () => {
  const code = `
exports.fc2Crash = (request, response) => { throw new Error('fc2 boom'); };
exports.fc3Crash = async () => { throw new TypeError('fc3 boom'); };
exports.fc3Handled = (event, context, callback) => callback(new Error('told'));
exports.counter = (() => { let n = 0; return async () => ({ statusCode: 201, headers: { 'x-count': String(++n), 'x-fc-secret': 'no', server: 'mine' }, body: 'n' }); })();
exports.echo = async (event) => { const e = JSON.parse(event); return { statusCode: 200, body: JSON.stringify({ body: e.body, b64: e.isBase64Encoded, q: e.queryParameters, h: e.headers['X-Many'] }) }; };
`;
  const project = () =>
    inlineProject({ 'index.js': code }, [
      { name: 'fc2crash', service: 'svc', handler: 'index.fc2Crash', runtime: 'nodejs16' },
      { name: 'fc3crash', handler: 'index.fc3Crash', runtime: 'nodejs20' },
      { name: 'fc3handled', handler: 'index.fc3Handled', runtime: 'nodejs18' },
      { name: 'counter', handler: 'index.counter', runtime: 'nodejs20' },
      { name: 'echo', handler: 'index.echo', runtime: 'nodejs20' },
    ]);

  it('a crashing FC 2.0 HTTP handler and FC 3.0 handler answer 502 with the error JSON', async () => {
    const { url, logs } = await serve(project());
    const fc2 = await fetch(`${url}/2016-08-15/proxy/svc/fc2crash/`);
    expect(fc2.status).toBe(502);
    expect(fc2.headers.get('x-fc-error-type')).toBe('UnhandledInvocationError');
    expect(await fc2.json()).toMatchObject({ errorMessage: 'fc2 boom', errorType: 'FunctionUnhandledError: Error' });
    const fc3 = await fetch(`${url}/2023-03-30/functions/fc3crash/`);
    expect(fc3.status).toBe(502);
    expect(await fc3.json()).toMatchObject({ errorMessage: 'fc3 boom', errorType: 'TypeError' });
    const handled = await fetch(`${url}/2023-03-30/functions/fc3handled/`);
    expect(handled.status).toBe(502);
    expect(handled.headers.get('x-fc-error-type')).toBe('HandledInvocationError');
    expect(logs).toContainEqual(expect.stringMatching(/^\[fc3crash\] FC Invoke End RequestId: .*Unhandled function error/));
  });

  it('keeps one warm instance per function and drops reserved response headers', async () => {
    const { url, logs } = await serve(project());
    const first = await fetch(`${url}/2023-03-30/functions/counter/`);
    const second = await fetch(`${url}/2023-03-30/functions/counter/`);
    expect([first.status, first.headers.get('x-count'), second.headers.get('x-count')]).toEqual([201, '1', '2']);
    expect(second.headers.get('x-fc-secret')).toBeNull();
    expect(second.headers.get('server')).toBeNull();
    expect(logs).toContainEqual(expect.stringContaining('[counter] warning: response header x-fc-secret is reserved'));
  });

  it('builds the FC 3.0 event from the request: multi-valued query and headers, binary bodies as base64', async () => {
    const { url } = await serve(project());
    const headers = new Headers([
      ['X-Many', 'a'],
      ['X-Many', 'b'],
    ]);
    const response = await fetch(`${url}/2023-03-30/functions/echo/?k=1&k=2`, { method: 'POST', headers, body: new Uint8Array([0xff, 0x00, 0x41]) });
    expect(await response.json()).toEqual({ body: '/wBB', b64: true, q: { k: '1,2' }, h: 'a, b' });
  });

  it('refuses path+query over 4 KB, headers over 8 KB and a body over 32 MB with 400 InvalidArgument', async () => {
    const { url } = await serve(project());
    const long = await fetch(`${url}/2023-03-30/functions/echo/${'a'.repeat(4100)}`);
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ ErrorCode: 'InvalidArgument' });
    const big = await fetch(`${url}/2023-03-30/functions/echo/`, { headers: { 'x-big': 'b'.repeat(9000) } });
    expect(big.status).toBe(400);
    // A declared length over the limit is refused before the body is read.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${url}/2023-03-30/functions/echo/`,
        { method: 'POST', headers: { 'content-length': String(32 * 2 ** 20 + 1) } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(status).toBe(400);
  });
});
