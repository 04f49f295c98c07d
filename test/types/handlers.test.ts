/** The handler types fit the functions fc-sim's runtime calls: typed handlers run, and their context has the logger. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fc2EventHandler, Fc2HttpHandler, Fc3EventHandler, Fc3HttpHandler, HttpTriggerEvent, TimerEvent } from '../../src/index.js';
import { buildFc2HttpRequest, buildHttpEvent, buildTimerEvent, invoke } from '../../src/index.js';

describe('handler types', () => {
  it('an FC 3.0 event handler: the event as bytes, the context with its logger, the result returned', async () => {
    const handler: Fc3EventHandler<string> = async (event, context) => {
      expectTypeOf(event).toEqualTypeOf<Buffer>();
      context.logger.setLogLevel('info');
      context.logger.info('for', context.function.name);
      return (JSON.parse(event.toString()) as TimerEvent).triggerName;
    };
    const result = await invoke(handler, buildTimerEvent({ triggerName: 'nightly' }));
    expect(result.status).toBe('success');
    expect(result.body.toString()).toBe('nightly');
    expect(result.logs.some((line) => /\[info\] for \S+/.test(line))).toBe(true);
  });

  it('an FC 2.0 event handler answering through its callback, its logger carrying the level', async () => {
    const handler: Fc2EventHandler<string> = (_event, context, callback) => {
      context.logger.setLogLevel('warn');
      callback(null, `${context.service.name} ${context.logger.logLevel}`);
    };
    const result = await invoke(handler, buildTimerEvent(), { platform: 'fc2' });
    expect(result.body.toString()).toMatch(/ warn$/);
  });

  it('an FC 2.0 HTTP handler: an IncomingMessage with FC fields, a response with FC methods', async () => {
    const handler: Fc2HttpHandler = (request, response) => {
      response.setStatusCode(201);
      response.setHeader('x-path', request.path);
      response.send(`${request.method} ${request.clientIP} ${request.body.length} ${String(request.readable)}`);
    };
    const request = buildFc2HttpRequest({ method: 'POST', path: '/items', body: 'abc' });
    const result = await invoke(handler, 'abc', { platform: 'fc2', http: { kind: 'fc2-http', request } });
    expect(result.http?.statusCode).toBe(201);
    expect(result.http?.headers['x-path']).toBe('/items');
    expect(result.body.toString()).toMatch(/^POST \S+ 3 /);
  });

  it('an FC 3.0 HTTP handler returns the HTTP response', async () => {
    const handler: Fc3HttpHandler = async (event) => {
      const request = JSON.parse(event.toString()) as HttpTriggerEvent;
      return { statusCode: 202, headers: { 'Content-Type': 'text/plain' }, body: request.rawPath };
    };
    const result = await invoke(handler, buildHttpEvent({ path: '/hello' }));
    expect(result.status).toBe('success');
    expect(JSON.parse(result.body.toString())).toMatchObject({ statusCode: 202, body: '/hello' });
  });
});
