/**
 * ContractRunner inside properties of your own: @fast-check/vitest's test.prop with fc-sim's generators. Every use of
 * @fast-check/vitest in the suite lives in this file: with vitest 4.1, importing @fast-check/vitest 0.5 builds every
 * chain of vitest's test modifiers (test.concurrent.skip.only…), about 2.5 CPU-seconds and 240 MB of heap that stay
 * in the worker and make each later handler start (a fork of that worker) slower.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, expectTypeOf } from 'vitest';
import type { OssEvent } from '../../src/index.js';
import { eventArbitrary } from '../../src/testing/index.js';
import { ContractRunner } from '../../src/testing/runner.js';
import { ossEvent } from '../../src/triggers/oss/arbitrary.js';

describe('ContractRunner with @fast-check/vitest', () => {
  const runner = new ContractRunner('echo.handler', { delivery: 'event' }, { runtime: { codeDir: 'fixtures/handlers' } });
  afterAll(() => runner.dispose());

  test.prop([ossEvent({ bucket: 'photos', keyPrefix: 'uploads/' })], { numRuns: 200 })(
    'the echo handler answers every upload with its event',
    async (event) => {
      await runner.assert(event);
      const { invocation } = await runner.run(event);
      expect(JSON.parse(invocation.body.toString())).toEqual(event);
    },
  );

  test.prop([fc.constant('not json')])('run() reports a failure instead of throwing', async (event) => {
    const { failure } = await runner.run(event);
    expect(failure).toMatchObject({ check: 'no-unhandled-error', message: expect.stringContaining('UserCodeSyntaxError') });
    await expect(runner.assert(event)).rejects.toThrow(/^no-unhandled-error: unhandled error UserCodeSyntaxError/);
    await expect(runner.assert(event)).rejects.toMatchObject({ code: 'E_CONTRACT_FAILED', exitCode: 1 });
  });
});

describe('eventArbitrary with @fast-check/vitest', () => {
  const runner = new ContractRunner<OssEvent>('echo.handler', { delivery: 'event' }, { runtime: { codeDir: 'fixtures/handlers' } });
  afterAll(() => runner.dispose());

  test.prop([eventArbitrary('oss', { keyPrefix: 'uploads/' })], { numRuns: 20 })('draws typed events of the trigger', async (event) => {
    expectTypeOf(event).toEqualTypeOf<OssEvent>();
    expect(event.events[0]!.oss.object.key.startsWith('uploads/')).toBe(true);
    await runner.assert(event);
  });
});
