/**
 * The checks read why an invocation failed from its structured fields, never from the text a handler chose.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/runtime/invoke.js';
import { singleInvocationFailure } from '../../src/testing/checks.js';

describe('checks read structured fields', () => {
  it('a timeout fails within-timeout, not no-unhandled-error', async () => {
    const invocation = await invoke(() => new Promise(() => undefined), {}, { timeout: 1 });
    expect(singleInvocationFailure('within-timeout', invocation, 'event')).toMatchObject({
      check: 'within-timeout',
      message: expect.stringMatching(/^Function timed out after 1 seconds/),
    });
    expect(singleInvocationFailure('no-unhandled-error', invocation, 'event')).toBeUndefined();
  });

  it('a handler error whose message reads like a timeout is the handler’s error', async () => {
    const invocation = await invoke(async () => {
      throw new Error('Function timed out after 1 seconds (it said so itself)');
    }, {});
    expect(singleInvocationFailure('within-timeout', invocation, 'event')).toBeUndefined();
    expect(singleInvocationFailure('no-unhandled-error', invocation, 'event')).toMatchObject({ check: 'no-unhandled-error' });
  });

  it('http-response: a result written as an FC 3.0 HTTP response that is not a valid one, whatever the warnings say', async () => {
    const wrongStatus = await invoke(async () => ({ statusCode: '201', body: 'x' }), {}, { http: { kind: 'fc3-http' } });
    expect(singleInvocationFailure('http-response', wrongStatus, 'fc3-http')).toMatchObject({
      message: expect.stringMatching(/^the handler's result is not an FC 3.0 HTTP response/),
    });
    // Text, or an object without statusCode, FC answers 200 with it as body (devsapp's fc3 e2e projects do it): a warning only.
    for (const result of ['just text', { received: true }]) {
      const plain = await invoke(async () => result, {}, { http: { kind: 'fc3-http' } });
      expect(plain.warnings[0]).toMatch(/^the handler's result is not an FC 3.0 HTTP response/);
      expect(plain.http?.statusCode).toBe(200);
      expect(singleInvocationFailure('http-response', plain, 'fc3-http')).toBeUndefined();
    }
    const answered = await invoke(async () => ({ statusCode: 200, body: 'ok' }), {}, { http: { kind: 'fc3-http' } });
    answered.warnings.push("the handler's result is not an FC 3.0 HTTP response (a warning of someone else's)");
    expect(singleInvocationFailure('http-response', answered, 'fc3-http')).toBeUndefined();
  });
});
