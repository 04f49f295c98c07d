import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';
import { compiledOutput } from './compiled-modules.js';

describe('compiledOutput', () => {
  it("maps a package source to its compiled file in dist/ (the global setup's output)", () => {
    expect(compiledOutput(packageRoot, join(packageRoot, 'src/runtime/instance.ts'))).toBe(join(packageRoot, 'dist/src/runtime/instance.js'));
    expect(compiledOutput(packageRoot, join(packageRoot, 'generators/index.ts'))).toBe(join(packageRoot, 'dist/generators/index.js'));
  });

  it('leaves tests, declarations, other folders and sources without output to vite', () => {
    expect(compiledOutput(packageRoot, join(packageRoot, 'test/setup.ts'))).toBeUndefined();
    expect(compiledOutput(packageRoot, join(packageRoot, 'src/types/missing.d.ts'))).toBeUndefined();
    expect(compiledOutput(packageRoot, join(packageRoot, 'fixtures/examples/oss-thumbnail/src/index.ts'))).toBeUndefined();
    expect(compiledOutput(packageRoot, join(packageRoot, 'src/no-such-module.ts'))).toBeUndefined();
  });
});
