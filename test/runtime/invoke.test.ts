/**
 * The library API with both kinds of handler: a handler string (its own process) and a function the test
 * imported (in this process), with the same FC semantics.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildFc2HttpRequest, buildHttpEvent, buildOssEvent } from '../../src/index.js';
import { createInstance, eventBytes, invoke } from '../../src/runtime/invoke.js';
import { resultValue, summaryLine } from '../../src/runtime/invocation.js';

const require = createRequire(import.meta.url);
const fixture = (name: string) => require(`../../fixtures/handlers/${name}.js`) as Record<string, (...args: never[]) => unknown>;
const codeDir = 'fixtures/handlers';

describe('invoke(handler, event)', () => {
  it('sends a value as its JSON, a string as UTF-8 and bytes as they are', () => {
    expect(eventBytes({ a: 1 }).toString()).toBe('{"a":1}');
    expect(eventBytes('hello topic').toString()).toBe('hello topic');
    expect(eventBytes(new Uint8Array([1, 2]))).toEqual(Buffer.from([1, 2]));
  });

  it.each([
    ['a handler string', 'echo.handler'],
    ['a handler function', fixture('echo').handler!],
  ])('runs %s with the event as a Buffer', async (_, handler) => {
    const event = buildOssEvent({ key: 'a b/图片.jpg' });
    const result = await invoke(handler, event, { codeDir });
    expect(result.status).toBe('success');
    expect(resultValue(result)).toEqual(event);
    expect(result.logs[0]).toBe(`FC Invoke Start RequestId: ${result.requestId}`);
    expect(summaryLine(result)).toMatch(
      /^RequestId: \S+ {2}Duration: \d+\.\d\d ms {2}Billed Duration: \d+ ms {2}Memory Size: 512 MB {2}Max Memory Used: \d+ MB$/,
    );
  });

  it.each([
    ['a handler string', 'throws.handler'],
    ['a handler function', fixture('throws').handler!],
  ])('reports a thrown error of %s the same way', async (_, handler) => {
    const result = await invoke(handler, {}, { codeDir, runtime: 'nodejs16' });
    expect(result.status).toBe('unhandled-error');
    expect(result.error).toMatchObject({ errorMessage: 'oops', errorType: 'FunctionUnhandledError: Error' });
  });
});

describe('in-process handler functions', () => {
  it('apply the async rules of the runtime', async () => {
    const handler = async (event: Buffer) => ({ length: event.length });
    expect(resultValue(await invoke(handler, 'abcd'))).toEqual({ length: 4 });
    const fc2 = await invoke(handler, 'abcd', { runtime: 'nodejs16', timeout: 1 });
    expect(fc2.error?.errorMessage).toMatch(/^Function timed out after 1 seconds/);
    expect(fc2.warnings[0]).toMatch(/ignores what an async handler returns/);
  });

  it('count only the first callback and capture console output as FC log lines', async () => {
    const handler = (_event: Buffer, context: { logger: { info: (text: string) => void } }, callback: (error: unknown, data?: unknown) => void) => {
      console.log('multi\nline');
      context.logger.info('via logger');
      callback(null, 'first');
      callback(null, 'second');
    };
    const result = await invoke(handler, '');
    expect(result.body.toString()).toBe('first');
    expect(result.logs[1]).toMatch(new RegExp(`^\\S+ ${result.requestId} \\[verbose\\] multi\\rline$`));
    expect(result.logs[2]).toMatch(/\[info\] via logger$/);
  });

  it('keep state and run the initializer once per instance', async () => {
    let initialized = 0;
    const instance = createInstance((_event: Buffer, _context: unknown, callback: (error: unknown, data?: unknown) => void) => callback(null, initialized), {
      initializer: (_context: unknown, callback: (error: unknown) => void) => {
        initialized += 1;
        callback(initialized === 1 ? new Error('first try fails') : null);
      },
    });
    expect((await instance.invoke(eventBytes(''))).error?.errorMessage).toBe('first try fails');
    expect((await instance.invoke(eventBytes(''))).body.toString()).toBe('2');
    expect((await instance.invoke(eventBytes(''))).body.toString()).toBe('2');
  });

  it('refuse hooks of the other kind', () => {
    expect(() => createInstance('echo.handler', { initializer: () => undefined })).toThrow(/a handler string takes hook strings/);
    expect(() => createInstance(() => undefined, { initializer: 'index.initialize' })).toThrow(/a handler function takes hook functions/);
  });
});

describe('HTTP handlers', () => {
  it.each([
    ['a handler string', 'fc2-http.handler'],
    ['a handler function', fixture('fc2-http').handler!],
  ])('FC 2.0: %s reads the request stream and answers through the response', async (_, handler) => {
    const request = buildFc2HttpRequest({ method: 'POST', path: '/a b', query: { x: ['1', '2'] }, body: 'payload' });
    const result = await invoke(handler, 'payload', { codeDir, platform: 'fc2', http: { kind: 'fc2-http', request } });
    expect(result.status).toBe('success');
    expect(result.http).toMatchObject({ statusCode: 201, headers: { 'Content-Type': 'application/json', 'X-Request-Id': result.requestId } });
    expect(result.http!.headers).not.toHaveProperty('Date');
    expect(JSON.parse(result.http!.body.toString())).toEqual({
      method: 'POST',
      path: '/a b',
      url: '/a%20b?x=1&x=2',
      queries: { x: ['1', '2'] },
      clientIP: '42.120.74.103',
      userAgent: 'curl/8.5.0',
      body: 'payload',
    });
  });

  it('FC 2.0: the first send answers; sending again throws, into the log', async () => {
    const result = await invoke('fc2-http-send-twice.handler', '', { codeDir, platform: 'fc2', http: { kind: 'fc2-http', request: buildFc2HttpRequest() } });
    expect(result.status).toBe('success');
    expect(result.http?.body.toString()).toBe('once');
    expect(result.logs.some((line) => /\[error\] Error: can not send multi times/.test(line))).toBe(true);
  });

  it('FC 3.0: the returned object becomes the response; anything else is flagged', async () => {
    const ok = await invoke('fc3-http.handler', buildHttpEvent({ method: 'POST', path: '/items', body: new Uint8Array([0xff]) }), {
      codeDir,
      http: { kind: 'fc3-http' },
    });
    expect(ok.http?.statusCode).toBe(201);
    expect(JSON.parse(ok.http!.body.toString())).toMatchObject({ path: '/items' });
    expect(ok.warnings).toEqual([]);
    const plain = await invoke('fc3-http.handler', buildHttpEvent({ path: '/plain' }), { codeDir, http: { kind: 'fc3-http' } });
    expect(plain.http).toMatchObject({ statusCode: 200, body: Buffer.from('not an HTTP response object') });
    expect(plain.warnings[0]).toMatch(/^the handler's result is not an FC 3.0 HTTP response .*: it is not JSON/);
    const wrongStatus = await invoke(async () => ({ statusCode: '200', body: 'x' }), buildHttpEvent(), { http: { kind: 'fc3-http' } });
    expect(wrongStatus.warnings[0]).toContain('/statusCode: must be an integer; found "200" (string)');
  });
});
