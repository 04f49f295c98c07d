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

  it('http-response: a result that is not an FC 3.0 HTTP response, whatever the warnings say', async () => {
    const plain = await invoke(async () => 'just text', {}, { http: { kind: 'fc3-http' } });
    expect(singleInvocationFailure('http-response', plain, 'fc3-http')).toMatchObject({
      message: expect.stringMatching(/^the handler's result is not an FC 3.0 HTTP response/),
    });
    const answered = await invoke(async () => ({ statusCode: 200, body: 'ok' }), {}, { http: { kind: 'fc3-http' } });
    answered.warnings.push("the handler's result is not an FC 3.0 HTTP response (a warning of someone else's)");
    expect(singleInvocationFailure('http-response', answered, 'fc3-http')).toBeUndefined();
  });
});
