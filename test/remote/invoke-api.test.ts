import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvokeApiTarget, invokeEndpoint } from '../../src/remote/invoke-api.js';
import { buildApigwEvent } from '../../src/triggers/apigw/build.js';
import { startFcApi } from './helpers/fc-api.js';

const credentials = { accessKeyId: 'STS.test-key', accessKeySecret: 'test-secret-value', securityToken: 'test-token-value' };
let api: Awaited<ReturnType<typeof startFcApi>>;

beforeAll(async () => {
  api = await startFcApi({ [credentials.accessKeyId]: credentials.accessKeySecret });
});
afterAll(() => api.close());

const target = (version: 'fc2' | 'fc3', overrides: Partial<ConstructorParameters<typeof InvokeApiTarget>[0]> = {}) =>
  new InvokeApiTarget(
    {
      api: version,
      endpoint: api.origin,
      accountId: '1234567890123456',
      serviceName: version === 'fc2' ? 'svc' : undefined,
      functionName: 'fn',
      credentials,
      ...overrides,
    },
    { retry: { baseDelayMs: 5 } },
  );

describe('InvokeFunction target', () => {
  it('builds the endpoint from account and region', () => {
    expect(invokeEndpoint('123', 'cn-hangzhou')).toBe('https://123.cn-hangzhou.fc.aliyuncs.com');
  });

  it.each(['fc2', 'fc3'] as const)('%s: signed sync calls return the result and the decoded log tail', async (version) => {
    const instance = target(version, { qualifier: 'prod' });
    const result = await instance.send(Buffer.from('{"hello":"fc"}'));
    await instance.dispose();
    expect(result.outcome).toBe('success');
    expect(result.invocation.body.toString()).toBe('{"hello":"fc"}');
    expect(result.invocation.logs).toEqual([
      `FC Invoke Start RequestId: ${result.invocation.requestId}`,
      `2025-01-01T00:00:00.000Z ${result.invocation.requestId} [info] got {"hello":"fc"}`,
      `FC Invoke End RequestId: ${result.invocation.requestId}`,
    ]);
    expect([result.invocation.durationMs, result.invocation.maxMemoryUsedMb]).toEqual([7, 30]);
    const call = api.calls.at(-1)!;
    expect(call.url).toBe(version === 'fc2' ? '/2016-08-15/services/svc.prod/functions/fn/invocations' : '/2023-03-30/functions/fn/invocations?qualifier=prod');
    expect(call.headers).toMatchObject({ 'x-fc-invocation-type': 'Sync', 'x-fc-log-type': 'Tail' });
    expect(call.headers[version === 'fc2' ? 'x-fc-security-token' : 'x-acs-security-token']).toBe('test-token-value');
    if (version === 'fc2') expect(call.headers['x-fc-account-id']).toBe('1234567890123456');
  });

  it.each(['fc2', 'fc3'] as const)('%s: x-fc-error-type gives handled and unhandled errors; a wrong secret is rejected', async (version) => {
    const instance = target(version);
    const handled = await instance.send(Buffer.from('{"fail":"handled"}'));
    const unhandled = await instance.send(Buffer.from('{"fail":"unhandled"}'));
    await instance.dispose();
    expect(handled.invocation).toMatchObject({ status: 'handled-error', error: { errorMessage: 'handled failure', errorType: 'Error' } });
    expect(unhandled.invocation).toMatchObject({ status: 'unhandled-error', error: { errorMessage: 'unhandled failure' } });
    const wrong = target(version, { credentials: { ...credentials, accessKeySecret: 'not-the-secret' } });
    const denied = await wrong.send(Buffer.from('{}'));
    await wrong.dispose();
    expect(denied.outcome).toBe('rejected');
    expect(denied.invocation).toMatchObject({
      status: 'rejected',
      requestId: 'denied',
      error: { errorType: 'SignatureNotMatch', errorMessage: 'signature mismatch' },
    });
    expect(denied.attempts).toBe(1);
  });

  it('async calls are accepted with 202 and no log tail', async () => {
    const instance = target('fc3', { invocationType: 'async' });
    const result = await instance.send(Buffer.from('{}'));
    await instance.dispose();
    expect([result.outcome, result.statusCode]).toEqual(['success', 202]);
    expect(result.invocation.warnings[0]).toContain('asynchronous invocation accepted');
    expect(api.calls.at(-1)!.headers).toMatchObject({ 'x-fc-invocation-type': 'Async', 'x-fc-log-type': 'None' });
  });

  it('FC 3.0 HTTP events: the returned {statusCode, headers, body} becomes the HTTP response', async () => {
    const instance = target('fc3');
    const invocation = await instance.invoke(Buffer.from('{"statusCode":201}'), { http: { kind: 'fc3-http' } });
    await instance.dispose();
    expect(invocation.http).toEqual({ statusCode: 201, headers: { 'x-from': 'fn' }, body: Buffer.from('from the function') });
  });

  it('API Gateway calls: the answer becomes the HTTP response API Gateway sends, anything else its 503', async () => {
    const instance = target('fc3');
    const answered = await instance.invoke(Buffer.from('{"statusCode":201}'), { http: { kind: 'apigw' } });
    const echoed = await instance.invoke(Buffer.from(JSON.stringify(buildApigwEvent())), { http: { kind: 'apigw' } });
    await instance.dispose();
    expect(answered.http).toEqual({ statusCode: 201, headers: { 'x-from': 'fn' }, body: Buffer.from('from the function') });
    expect(answered.httpResponseProblem).toBeUndefined();
    expect(echoed.http).toEqual({ statusCode: 503, headers: {}, body: Buffer.alloc(0) });
    expect(echoed.httpResponseProblem).toContain('{isBase64Encoded, statusCode, headers, body}): /statusCode: is required. API Gateway answers 503');
  });

  it('retries a 503 only with retryUnsafe, re-signing each attempt (a fresh nonce)', async () => {
    const once = target('fc3');
    const refused = await once.send(Buffer.from('{"busy":1,"id":"a"}'));
    await once.dispose();
    expect([refused.outcome, refused.attempts, refused.statusCode]).toEqual(['http-error', 1, 503]);
    const retrying = new InvokeApiTarget(
      { api: 'fc3', endpoint: api.origin, functionName: 'fn', credentials },
      { retry: { baseDelayMs: 5, retryUnsafe: true } },
    );
    const retried = await retrying.send(Buffer.from('{"busy":2,"id":"b"}'));
    await retrying.dispose();
    expect([retried.outcome, retried.attempts]).toEqual(['success', 3]);
  });
});
