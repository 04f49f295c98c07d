import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import { functionConfig } from '../../src/runtime/function-config.js';
import { invoke } from '../../src/runtime/invoke.js';

describe('functionConfig', () => {
  it.each([99_999_999_999, 86_401, 0, -1, Number.NaN])('refuses a timeout FC does not take (%s): it would fire at once', (timeout) => {
    expect(() => functionConfig({ handler: 'index.handler', timeout })).toThrow(FcSimError);
    expect(() => functionConfig({ handler: 'index.handler', initializationTimeout: timeout })).toThrow(
      /initializationTimeout: .* is not a timeout FC takes \(1–86400 seconds\)/,
    );
  });

  it('takes FC’s range, and an invocation with the longest one does not time out at once', async () => {
    expect(functionConfig({ handler: 'index.handler', timeout: 86_400 }).timeout).toBe(86_400);
    const result = await invoke(async () => 'done', {}, { timeout: 86_400 });
    expect(result.status).toBe('success');
  });
});
