/**
 * The platform decides the context, the request id and the HTTP calling convention, whatever the runtime
 * (runtime.md, Corrections 1); a call of the other platform's convention is refused, saying how to choose.
 */
import { describe, expect, it } from 'vitest';
import { buildFc2HttpRequest, buildHttpEvent } from '../../src/index.js';
import { invoke } from '../../src/runtime/invoke.js';
import { resultValue } from '../../src/runtime/invocation.js';

const codeDir = 'fixtures/handlers';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FC3_ID = /^1-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{12}$/;

describe('the platform is the function’s', () => {
  it.concurrent('nodejs14 on FC 3.0 gets FC 3.0’s context and request id; nodejs18 on FC 2.0 gets FC 2.0’s', async () => {
    const [fc3, fc2] = await Promise.all([
      invoke('context.handler', '', { codeDir, runtime: 'nodejs14' }),
      invoke('context.handler', '', { codeDir, runtime: 'nodejs18', platform: 'fc2' }),
    ]);
    const fc3Context = (resultValue(fc3) as { context: Record<string, any> }).context;
    expect(fc3.requestId).toMatch(FC3_ID);
    expect(fc3Context.service).not.toHaveProperty('name');
    expect(fc3Context.callbackWaitsForEmptyEventLoop).toBe(false);
    const fc2Context = (resultValue(fc2) as { context: Record<string, any> }).context;
    expect(fc2.requestId).toMatch(UUID);
    expect(fc2Context.service).toMatchObject({ name: 'fc-sim-service' });
    expect(fc2Context.waitsForEmptyEventLoopBeforeCallback).toBe(false);
  });

  it.concurrent('an HTTP call of the other platform’s convention is refused, naming the flag', async () => {
    const fc2Call = { http: { kind: 'fc2-http' as const, request: buildFc2HttpRequest() } };
    await expect(invoke('fc2-http.handler', '', { codeDir, runtime: 'nodejs18', ...fc2Call })).rejects.toThrow(/FC 2\.0 HTTP call .* on an FC 3\.0 function/);
    await expect(invoke('fc3-http.handler', buildHttpEvent(), { codeDir, platform: 'fc2', http: { kind: 'fc3-http' } })).rejects.toMatchObject({
      code: 'E_USAGE',
      hint: expect.stringContaining('--platform fc3'),
    });
  });
});
