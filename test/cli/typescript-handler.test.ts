/** A handler string naming TypeScript source that was not built: a usage error that says to build it, not FC's missing module. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('a TypeScript handler string', () => {
  it('is refused with exit 2, naming the .ts file and the fix', async () => {
    const result = await runCli(['oss:put', '--handler', 'src/oss.handler', '--code-dir', 'fixtures/handlers-ts']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--handler src\/oss\.handler: src\/oss\.ts is TypeScript and FC's Node\.js runtimes load JavaScript \(src\/oss\.js\)/);
    expect(result.stderr).toMatch(/build it first \(npx tsc\)/);
    expect(result.stderr).not.toMatch(/ImportModuleError|\n\s+at /);
  });

  it('leaves a JavaScript handler and a missing module to the runtime', async () => {
    const missing = await runCli(['oss:put', '--handler', 'nothing.handler', '--code-dir', 'fixtures/handlers-ts']);
    expect(missing.status).toBe(1);
    expect(`${missing.stdout}${missing.stderr}`).toMatch(/ImportModuleError/);
  });
});
