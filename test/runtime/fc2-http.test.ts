/**
 * The FC 2.0 HTTP request and response as FC's nodejs12–16 agent makes them (runtime.md, Corrections 8): an
 * http.IncomingMessage that express/koa-style code can read, and a response with FC's type checks and texts.
 */
import { describe, expect, it } from 'vitest';
import { buildFc2HttpRequest } from '../../src/index.js';
import { invoke } from '../../src/runtime/invoke.js';
import { resultValue } from '../../src/runtime/invocation.js';

const codeDir = 'fixtures/handlers';
const call = (handler: string, body = '') =>
  invoke(`fc2-http-incoming.${handler}`, body, {
    codeDir,
    runtime: 'nodejs16',
    platform: 'fc2',
    http: { kind: 'fc2-http', request: buildFc2HttpRequest({ method: 'POST', path: '/users', sourceIp: '203.0.113.9', body }) },
  });

describe('FC 2.0 HTTP request and response', () => {
  it.concurrent('the request is an http.IncomingMessage on a socket with the client IP, encrypted, HTTP/1.1, emitting the body', async () => {
    const result = await call('handler', '{"name":"a"}');
    expect(result.status).toBe('success');
    expect(resultValue(result)).toEqual({
      incomingMessage: true,
      remoteAddress: '203.0.113.9',
      protocol: 'https',
      httpVersion: '1.1',
      userAgent: 'curl/8.5.0',
      body: '{"name":"a"}',
    });
  });

  it.concurrent('a number as a header value is FC’s TypeError, and the invocation fails', async () => {
    const result = await call('numberHeader');
    expect(result.status).toBe('unhandled-error');
    expect(result.error).toMatchObject({ errorType: 'FunctionUnhandledError: TypeError', errorMessage: 'headerValue should be a `string`' });
  });

  it.concurrent('a header set after the answer says FC’s words, in the log only', async () => {
    const result = await call('headerAfterSend');
    expect(result.status).toBe('success');
    expect(result.http?.body.toString()).toBe('sent');
    expect(result.logs.some((line) => / \[error\] Error: can not set headers after they are sent/.test(line))).toBe(true);
  });
});
