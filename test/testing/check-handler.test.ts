/**
 * The contract kit finds planted bugs in real handler files (fixtures/handlers/planted) and shrinks each to a
 * minimal event; correct handlers pass; saved failures replay first; seeds and paths reproduce runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckHandlerOptions } from '../../src/testing/index.js';
import { checkHandler, ContractFailure } from '../../src/testing/index.js';
import { tempDir as newTempDir } from '../helpers/temp-dir.js';

const runtime = { codeDir: 'fixtures/handlers' };
const tempDir = () => newTempDir('fc-sim-failures-');

async function failure(options: CheckHandlerOptions): Promise<ContractFailure> {
  try {
    await checkHandler({ runtime, failuresDir: false, seed: 1, ...options });
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected the contract check to fail');
}

describe('checkHandler finds planted bugs and shrinks them', () => {
  it('a timer job that parses its payload as JSON: shrunk to the empty payload', async () => {
    const { report } = await failure({ handler: 'planted/timer-json-payload.handler', trigger: 'timer', runs: 200 });
    expect(report.failure.check).toBe('no-unhandled-error');
    expect(report.event).toEqual({ triggerTime: '2000-01-01T00:00:00Z', triggerName: 'A', payload: '' });
    expect(report.invocation.error).toMatchObject({ errorType: 'UserCodeSyntaxError', errorMessage: 'Unexpected end of JSON input' });
  });

  it('an OSS handler that URL-decodes raw keys: shrunk to a short key with a lone "%"', async () => {
    const { report } = await failure({ handler: 'planted/oss-decode-key.handler', trigger: 'oss', runs: 1000 });
    const key = (report.event as { events: [{ oss: { object: { key: string } } }] }).events[0].oss.object.key;
    expect(() => decodeURIComponent(key)).toThrow(URIError);
    expect(key.length).toBeLessThanOrEqual(8);
    expect(report.invocation.error?.errorType).toBe('URIError');
  });

  it('an MNS consumer that expects JSON: shrunk to the raw STREAM body ""', async () => {
    const { report } = await failure({ handler: 'planted/mns-stream-json.handler', trigger: 'mns', runs: 200 });
    expect(report.event).toBe('');
  });

  it('an MNS consumer that expects 32-hex message ids: shrunk to an id of the MNS API form', async () => {
    const { report } = await failure({ handler: 'planted/mns-hex-message-id.handler', trigger: 'mns', constraints: { formats: ['JSON'] }, runs: 100 });
    expect((report.event as { MessageId: string }).MessageId).toMatch(/^[0-9A-F]{16}-1-[0-9A-F]{11}-[0-9]{9}$/);
    expect(report.invocation.error?.errorMessage).toMatch(/^not a message id: /);
  });

  it('an FC 3.0 HTTP handler answering with a string status: the http-response check', async () => {
    const { report } = await failure({ handler: 'planted/http-status-string.handler', trigger: 'http', runs: 200 });
    expect(report.failure.check).toBe('http-response');
    expect(report.failure.message).toContain('/statusCode: must be an integer; found "201" (string)');
    expect((report.event as { requestContext: { http: { method: string; path: string } } }).requestContext.http).toMatchObject({ method: 'POST', path: '/' });
  });

  it('a handler whose answer depends on instance state: the opt-in idempotency check', async () => {
    await expect(checkHandler({ handler: 'planted/counter-result.handler', trigger: 'oss', runs: 50, runtime, failuresDir: false })).resolves.toMatchObject({
      runs: 50,
    });
    const { report } = await failure({ handler: 'planted/counter-result.handler', trigger: 'oss', runs: 50, checks: { idempotent: true } });
    expect(report.failure.check).toBe('idempotent');
    expect(report.failure.message).toMatch(/^the same event delivered twice answered differently: first success "\{\\"processed\\":\d+\}", then success/);
  });

  it('handled errors fail unless allowed', async () => {
    const options = { handler: 'callback-error.handler', trigger: 'timer', runs: 20 } as const;
    expect((await failure(options)).report.failure.check).toBe('no-handled-error');
    await expect(checkHandler({ ...options, runtime, failuresDir: false, checks: { 'no-handled-error': false } })).resolves.toMatchObject({ runs: 20 });
  });

  it('a handler that does not finish within its timeout: the within-timeout check', async () => {
    const { report } = await failure({ handler: 'callback-never.handler', arbitrary: fc.constant({}), runs: 1, runtime: { ...runtime, timeout: 1 } });
    expect(report.failure).toEqual({ check: 'within-timeout', message: expect.stringMatching(/^Function timed out after 1 seconds/) });
  });

  it('a property of your own, on a handler function run in-process', async () => {
    const handler = async (event: Buffer) => JSON.parse(event.toString()).events[0].oss.object.key.toUpperCase();
    const { report } = await failure({
      handler,
      trigger: 'oss',
      runs: 300,
      replayHandler: 'src/index.handler',
      property: (event, result) => {
        const key = event.events[0]!.oss.object.key;
        if (result.body.toString() !== key) throw new Error(`renamed ${key} to ${result.body.toString()}`);
      },
    });
    expect(report.failure.check).toBe('property');
    expect(report.failure.message).toBe('renamed a.png to A.PNG');
  });
});

describe('checkHandler on correct handlers', () => {
  it('passes 300 OSS events through a handler string on one warm instance', async () => {
    const started = performance.now();
    await expect(checkHandler({ handler: 'echo.handler', trigger: 'oss', runs: 300, runtime, failuresDir: false })).resolves.toMatchObject({ runs: 300 });
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('passes the FC 2.0 HTTP handler on generated requests, binary bodies included', async () => {
    await expect(checkHandler({ handler: 'fc2-http.handler', trigger: 'fc2-http', runs: 100, runtime, failuresDir: false })).resolves.toMatchObject({
      runs: 100,
    });
  });
});

describe('failure reports, saved failures and replays', () => {
  it('saves the shrunk event, says how to replay it, and replays it first next time', async () => {
    const dir = tempDir();
    const first = await failure({ handler: 'planted/timer-json-payload.handler', trigger: 'timer', runs: 100, failuresDir: dir });
    const [file] = readdirSync(dir);
    const saved = JSON.parse(readFileSync(join(dir, file!), 'utf8'));
    expect(saved).toMatchObject({
      fcSim: 'failure',
      source: 'timer',
      check: 'no-unhandled-error',
      event: first.report.event,
      seed: 1,
      path: first.report.path,
      platform: 'fc3',
    });
    expect(first.message).toContain(`Saved to ${join(dir, file!)} (replayed first on the next run of this test).`);
    const flags = '--handler planted/timer-json-payload.handler --code-dir fixtures/handlers --platform fc3';
    expect(first.message).toContain(`this event: npx fc-sim replay ${join(dir, file!)} ${flags}`);
    expect(first.message).toContain(`this run:   npx fc-sim fuzz timer ${flags} --seed 1 --path ${first.report.path}`);
    expect(first.message).toMatch(/Logs:\nFC Invoke Start RequestId: \S+\nFC Invoke End RequestId: \S+, Error: Unhandled function error/);

    // With another seed the saved event still comes first, and fails at once.
    const again = await failure({ handler: 'planted/timer-json-payload.handler', trigger: 'timer', runs: 100, failuresDir: dir, seed: 99 });
    expect(again.report.runs).toBe(1);
    expect(again.report.event).toEqual(first.report.event);
    // Fixed, the handler passes, after replaying the saved failure of this test.
    await expect(checkHandler({ handler: 'echo.handler', trigger: 'timer', runs: 10, runtime, failuresDir: dir })).resolves.toMatchObject({ replayed: 1 });
    expect(existsSync(join(dir, file!))).toBe(true);
  });

  it('reproduces the same shrunk event from the seed and path of a report', async () => {
    const first = await failure({ handler: 'planted/oss-decode-key.handler', trigger: 'oss', runs: 1000, seed: 7 });
    const replayed = await failure({ handler: 'planted/oss-decode-key.handler', trigger: 'oss', seed: first.report.seed, path: first.report.path });
    expect(replayed.report.event).toEqual(first.report.event);
  });
});
