import { expect, it } from 'vitest';
import { invoke } from '../../src/runtime/invoke.js';

it('a process that dies at once reports the memory it had, not maxMemoryUsage 0MB', async () => {
  const result = await invoke('process-exit.handler', {}, { codeDir: 'fixtures/handlers' });
  expect(result.status).toBe('unhandled-error');
  expect(result.error?.errorMessage).toMatch(/^Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: [1-9]\d*MB\)$/);
  expect(result.maxMemoryUsedMb).toBeGreaterThan(0);
});
