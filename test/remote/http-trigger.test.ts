import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFc2HttpRequest, buildHttpEvent, buildOssEvent } from '../../src/index.js';
import { HttpTriggerTarget } from '../../src/remote/http-trigger.js';
import type { TestServer } from './helpers/servers.js';
import { json, startServer } from './helpers/servers.js';
import { verifyAcs3, verifyFc2 } from './helpers/verifier.js';

/** Echoes the request it got; a few paths answer as FC does for errors. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer((request, response, body) => {
    const url = request.url ?? '';
    if (url.includes('/function-error')) {
      return json(
        response,
        502,
        { errorMessage: 'boom', errorType: 'TypeError', stackTrace: ['at handler'] },
        { 'x-fc-error-type': 'UnhandledInvocationError', 'x-fc-request-id': 'r-err' },
      );
    }
    if (url.includes('/timed-out')) {
      return json(
        response,
        502,
        { errorMessage: 'Function timed out after 3 seconds (maxMemoryUsage: 41.50MB)' },
        { 'x-fc-error-type': 'UnhandledInvocationError' },
      );
    }
    if (url.includes('/crashed')) {
      return json(
        response,
        502,
        { errorMessage: 'Process exited unexpectedly before completing request (duration: 6ms, maxMemoryUsage: 49MB)' },
        { 'x-fc-error-type': 'UnhandledInvocationError' },
      );
    }
    if (url.includes('/forbidden')) return json(response, 403, { ErrorCode: 'SignatureNotMatch', ErrorMessage: 'signature does not match' });
    if (url.includes('/teapot')) return json(response, 418, { short: 'and stout' });
    if (url.includes('/logs')) {
      response.writeHead(200, {
        'x-fc-log-result': Buffer.from('line one\nline two\n').toString('base64'),
        'x-fc-invocation-duration': '12',
        'x-fc-max-memory-usage': '41.5',
      });
      return response.end('ok');
    }
    if (url.includes('/signed')) {
      const verdict = (request.headers.authorization ?? '').startsWith('FC ')
        ? verifyFc2({ method: request.method!, url, headers: request.headers, body }, { AK: 'SK' })
        : verifyAcs3({ method: request.method!, url, headers: request.headers, body }, { AK: 'SK' });
      return json(response, verdict.ok ? 200 : 403, verdict);
    }
    response.writeHead(201, { 'content-type': 'application/json', 'x-echo': ['a', 'b'], 'x-fc-request-id': 'r-1' });
    response.end(JSON.stringify({ method: request.method, url, headers: request.headers, body: body.toString('base64') }));
  });
});

afterAll(() => server.close());

const echoed = (body: Buffer) => JSON.parse(body.toString()) as { method: string; url: string; headers: Record<string, string>; body: string };

describe('HTTP trigger target', () => {
  it('sends an FC 3.0 HTTP event as the real request, path appended to the base path, and maps the response back', async () => {
    const target = new HttpTriggerTarget({ url: `${server.origin}/2016-08-15/proxy/svc/fn/` });
    const event = buildHttpEvent({
      method: 'PUT',
      path: '/users/张 三',
      query: { tag: 'x y', page: '2' },
      headers: { 'Content-Type': 'text/plain', 'X-Custom': 'v', 'X-Fc-Trace': 'dropped', Host: 'dropped.example' },
      body: 'hello',
    });
    const invocation = await target.invoke(Buffer.from(JSON.stringify(event)), { http: { kind: 'fc3-http' } });
    await target.dispose();
    expect(invocation.status).toBe('success');
    expect(invocation.requestId).toBe('r-1');
    expect(invocation.http?.statusCode).toBe(201);
    expect(invocation.http?.headers['x-echo']).toEqual(['a', 'b']);
    expect(invocation.http?.headers.connection).toBeUndefined();
    const request = echoed(invocation.http!.body);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/2016-08-15/proxy/svc/fn/users/%E5%BC%A0%20%E4%B8%89?tag=x%20y&page=2');
    expect(request.headers['x-custom']).toBe('v');
    expect(request.headers['content-type']).toBe('text/plain');
    expect(request.headers['x-fc-trace']).toBeUndefined();
    expect(request.headers.host).toBe(`127.0.0.1:${server.port}`);
    expect(Buffer.from(request.body, 'base64').toString()).toBe('hello');
  });

  it("POSTs a plain event to the URL's path and query, its bytes as given (a view into a larger buffer too)", async () => {
    const target = new HttpTriggerTarget({ url: `${server.origin}/base?key=k%20v` });
    const backing = Buffer.from('xx{"a":1}yy');
    const event = new Uint8Array(backing.buffer, backing.byteOffset + 2, 7);
    const seen = [echoed((await target.invoke(event)).body), echoed((await target.invoke(Buffer.from('not json'))).body)];
    await target.dispose();
    expect(seen.map(({ url, headers }) => [url, headers['content-type']])).toEqual([
      ['/base?key=k%20v', 'application/json'],
      ['/base?key=k%20v', 'application/octet-stream'],
    ]);
    expect(Buffer.from(seen[0]!.body, 'base64').toString()).toBe('{"a":1}');
  });

  it("a plain event's Content-Type as the caller knows it (a reader that parsed it), else from its bytes", async () => {
    const target = new HttpTriggerTarget({ url: `${server.origin}/hook` });
    const known = await target.send(Buffer.from('{"a":1}'), { contentType: 'application/json' });
    const told = await target.send(Buffer.from('{"a":1}'), { contentType: 'text/plain' });
    await target.dispose();
    expect([echoed(known.invocation.body).headers['content-type'], echoed(told.invocation.body).headers['content-type']]).toEqual([
      'application/json',
      'text/plain',
    ]);
  });

  it('sends an FC 2.0 request with repeated query values and a binary body intact', async () => {
    const target = new HttpTriggerTarget({ url: `${server.origin}/base?key=k` });
    const body = Buffer.from([0xff, 0x00, 0xfe]);
    const request = buildFc2HttpRequest({ method: 'POST', path: '/a', query: { tag: ['1', '2'] }, headers: { 'X-Many': ['p', 'q'] }, body });
    const invocation = await target.invoke(body, { http: { kind: 'fc2-http', request } });
    await target.dispose();
    const seen = echoed(invocation.body);
    expect(seen.url).toBe('/base/a?key=k&tag=1&tag=2');
    expect(seen.headers['x-many']).toBe('p, q');
    expect(Buffer.from(seen.body, 'base64')).toEqual(body);
  });

  it('POSTs any other event to the base URL as JSON', async () => {
    const target = new HttpTriggerTarget({ url: `${server.origin}/hook` });
    const event = Buffer.from(JSON.stringify(buildOssEvent({ key: 'a.jpg' })));
    const invocation = await target.invoke(event);
    await target.dispose();
    const seen = echoed(invocation.body);
    expect([seen.method, seen.url, seen.headers['content-type']]).toEqual(['POST', '/hook', 'application/json']);
    expect(Buffer.from(seen.body, 'base64')).toEqual(event);
  });

  it("tells FC's answers apart: x-fc-error-type, FC's error JSON, the function's own 4xx, the log tail", async () => {
    const target = new HttpTriggerTarget({ url: server.origin });
    const send = (path: string) => target.send(Buffer.from(JSON.stringify(buildHttpEvent({ path }))), { http: { kind: 'fc3-http' } });
    const [failed, refused, teapot, logged] = await Promise.all([send('/function-error'), send('/forbidden'), send('/teapot'), send('/logs')]);
    await target.dispose();
    expect(failed.invocation).toMatchObject({
      status: 'unhandled-error',
      requestId: 'r-err',
      error: { errorMessage: 'boom', errorType: 'TypeError', stackTrace: ['at handler'] },
    });
    expect(failed.outcome).toBe('unhandled-error');
    expect(refused.invocation).toMatchObject({ status: 'rejected', error: { errorType: 'SignatureNotMatch', errorMessage: 'signature does not match' } });
    expect(teapot.invocation.status).toBe('success');
    expect(teapot.invocation.http?.statusCode).toBe(418);
    expect(teapot.outcome).toBe('success');
    expect(logged.invocation.logs).toEqual(['line one', 'line two']);
    expect(logged.invocation.durationMs).toBe(12);
    expect(logged.invocation.maxMemoryUsedMb).toBe(42);
  });

  it("says why each failed: the function's error, FC's timeout or crash, a refusal, no answer", async () => {
    const target = new HttpTriggerTarget({ url: server.origin });
    const send = (path: string) => target.send(Buffer.from(JSON.stringify(buildHttpEvent({ path }))), { http: { kind: 'fc3-http' } });
    const [failed, timedOut, crashed, refused] = await Promise.all([send('/function-error'), send('/timed-out'), send('/crashed'), send('/forbidden')]);
    await target.dispose();
    expect([failed, timedOut, crashed, refused].map((result) => result.invocation.error?.cause)).toEqual(['function', 'timeout', 'exit', 'rejected']);
    expect(JSON.parse(timedOut.invocation.body.toString())).not.toHaveProperty('cause');
    const unreachable = new HttpTriggerTarget({ url: 'http://127.0.0.1:1/' }, { retry: { retries: 0 } });
    const unanswered = await unreachable.send(Buffer.from('{}'));
    await unreachable.dispose();
    expect(unanswered.outcome).toBe('connection-error');
    expect(unanswered.invocation.error?.cause).toBe('unanswered');
  });

  it('signs trigger requests (FC 2.0 function auth, FC 3.0 signature auth) so that a verifier accepts them', async () => {
    const credentials = { accessKeyId: 'AK', accessKeySecret: 'SK' };
    for (const [sign, base] of [
      ['fc2', '/2016-08-15/proxy/svc/fn'],
      ['fc3', ''],
    ] as const) {
      const target = new HttpTriggerTarget({ url: `${server.origin}${base}`, sign, credentials });
      const event = buildHttpEvent({
        method: 'POST',
        path: '/signed/über',
        query: { q: ['a b', 'c'] },
        headers: { 'Content-Type': 'application/json' },
        body: '{"x":1}',
      });
      const invocation = await target.invoke(Buffer.from(JSON.stringify(event)), { http: { kind: 'fc3-http' } });
      await target.dispose();
      expect([sign, JSON.parse(invocation.body.toString())]).toEqual([sign, { ok: true, accessKeyId: 'AK' }]);
    }
  });
});
