/** ContractRunner inside properties of your own: @fast-check/vitest's test.prop with fc-sim's generators. */
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { ossEvent } from '../../src/triggers/oss/arbitrary.js';
import { ContractRunner } from '../../src/testing/runner.js';

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
