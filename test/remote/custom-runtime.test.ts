import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHttpEvent } from '../../src/index.js';
import { functionConfig } from '../../src/runtime/function-config.js';
import { CustomRuntimeTarget } from '../../src/remote/custom-runtime.js';
import type { TestServer } from './helpers/servers.js';
import { startServer } from './helpers/servers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A custom runtime: /initialize fails `failInits` times, /invoke answers by the event, /pre-stop says ok. */
async function customRuntime(options: { failInits?: number; initDelayMs?: number } = {}) {
  const seen: Seen[] = [];
  let failInits = options.failInits ?? 0;
  const server = await startServer(async (request, response, body) => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: body.toString() });
    const control = request.headers['x-fc-control-path'];
    if (request.url === '/initialize') {
      await new Promise((resolve) => setTimeout(resolve, options.initDelayMs ?? 0));
      if (failInits > 0) {
        failInits -= 1;
        response.writeHead(404, { 'x-fc-status': '404' });
        return response.end('{"errorMessage":"cannot connect to the database","errorType":"InitError"}');
      }
      response.writeHead(200);
      return response.end();
    }
    if (control === '/http-invoke') {
      response.writeHead(207, { 'content-type': 'text/plain', 'x-app': 'yes' });
      return response.end(`${request.method} ${request.url}`);
    }
    if (request.url === '/invoke') {
      const event = JSON.parse(body.toString() || '{}') as { fail?: string };
      if (event.fail === '404') {
        response.writeHead(404);
        return response.end('{"errorMessage":"not today"}');
      }
      if (event.fail === 'x-fc-status') {
        response.writeHead(200, { 'x-fc-status': '404' });
        return response.end('plain failure');
      }
      response.writeHead(200, { 'x-fc-status': '200' });
      return response.end(JSON.stringify({ got: event }));
    }
    response.writeHead(200);
    response.end();
  });
  return { server, seen };
}

let server: TestServer | undefined;
afterEach(async () => server?.close());

const config = (overrides = {}) => functionConfig({ handler: 'app.handler', functionName: 'fn', initializer: 'app.init', preStop: 'app.stop', ...overrides });

describe('custom runtime target', () => {
  it('initializes once for concurrent invocations, then POSTs /invoke with the event and FC headers', async () => {
    const runtime = await customRuntime({ initDelayMs: 50 });
    server = runtime.server;
    const target = new CustomRuntimeTarget({ url: runtime.server.origin, config: config() });
    const results = await Promise.all([1, 2, 3, 4].map((n) => target.invoke(Buffer.from(JSON.stringify({ n })), { requestId: `req-${n}` })));
    expect(results.map((result) => result.status)).toEqual(['success', 'success', 'success', 'success']);
    expect(results.map((result) => JSON.parse(result.body.toString()))).toEqual([1, 2, 3, 4].map((n) => ({ got: { n } })));
    expect(runtime.seen.filter((request) => request.url === '/initialize')).toHaveLength(1);
    const invoke = runtime.seen.find((request) => request.url === '/invoke')!;
    expect(invoke.method).toBe('POST');
    expect(invoke.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-fc-control-path': '/invoke',
      'x-fc-function-handler': 'app.handler',
      'x-fc-function-name': 'fn',
      'x-fc-function-memory': '512',
      'x-fc-function-timeout': '3',
      'x-fc-function-initializer': 'app.init',
      'x-fc-instance-lifecycle-pre-stop-handler': 'app.stop',
      'x-fc-access-key-id': 'STS.FcSimFakeAccessKeyId',
      'x-fc-retry-count': '0',
    });
    expect(runtime.seen.find((request) => request.url === '/initialize')!.headers['x-fc-control-path']).toBe('/initialize');
    const preStop = await target.dispose();
    expect(preStop?.status).toBe('success');
    expect(runtime.seen.at(-1)).toMatchObject({ method: 'GET', url: '/pre-stop' });
  });

  it('reports 404 and x-fc-status: 404 as function errors', async () => {
    const runtime = await customRuntime();
    server = runtime.server;
    const target = new CustomRuntimeTarget({ url: runtime.server.origin, config: config({ initializer: undefined, preStop: undefined }) });
    const byStatus = await target.send(Buffer.from('{"fail":"404"}'));
    const byHeader = await target.send(Buffer.from('{"fail":"x-fc-status"}'));
    await target.dispose();
    expect(byStatus.invocation).toMatchObject({ status: 'unhandled-error', error: { errorMessage: 'not today' } });
    expect(byStatus.outcome).toBe('unhandled-error');
    expect(byHeader.invocation).toMatchObject({ status: 'unhandled-error', error: { errorMessage: 'plain failure' } });
    expect(runtime.seen.some((request) => request.url === '/initialize')).toBe(false);
  });

  it('fails the invocation when /initialize fails, and initializes again on the next', async () => {
    const runtime = await customRuntime({ failInits: 1 });
    server = runtime.server;
    const target = new CustomRuntimeTarget({ url: runtime.server.origin, config: config({ preStop: undefined }) });
    const first = await target.invoke(Buffer.from('{}'));
    const second = await target.invoke(Buffer.from('{}'));
    await target.dispose();
    expect(first).toMatchObject({ status: 'unhandled-error', error: { errorMessage: 'cannot connect to the database', errorType: 'InitError' } });
    expect(first.warnings[0]).toContain('POST /initialize');
    expect(second.status).toBe('success');
    expect(runtime.seen.map((request) => request.url)).toEqual(['/initialize', '/initialize', '/invoke']);
  });

  it('forwards HTTP events as the original request with x-fc-control-path: /http-invoke', async () => {
    const runtime = await customRuntime();
    server = runtime.server;
    const target = new CustomRuntimeTarget({ url: runtime.server.origin, config: config({ initializer: undefined, preStop: undefined }) });
    const event = buildHttpEvent({ method: 'DELETE', path: '/items/7', query: { soft: 'true' }, headers: { 'X-Trace': 't1' } });
    const invocation = await target.invoke(Buffer.from(JSON.stringify(event)), { http: { kind: 'fc3-http' } });
    await target.dispose();
    expect(invocation.http).toMatchObject({ statusCode: 207, headers: { 'x-app': 'yes' } });
    expect(invocation.http?.body.toString()).toBe('DELETE /items/7?soft=true');
    expect(runtime.seen[0]!.headers).toMatchObject({ 'x-fc-control-path': '/http-invoke', 'x-trace': 't1', 'x-fc-function-handler': 'app.handler' });
  });
});
