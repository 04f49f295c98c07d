import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orphanOutputs } from './global-setup.js';
import { tempDir } from './helpers/temp-dir.js';

function files(root: string, paths: string[]): void {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
}

describe('the tests’ build', () => {
  it('finds the outputs in dist/ whose source was deleted or moved, and only those', () => {
    const root = tempDir('fc-sim-dist-');
    files(root, ['src/kept.ts', 'src/sub/moved.ts', 'generators/index.ts']);
    files(root, [
      ...['kept.js', 'kept.js.map', 'kept.d.ts', 'kept.d.ts.map', 'sub/moved.js'].map((name) => `dist/src/${name}`),
      'dist/generators/index.js',
      // Not tsc's outputs: left alone.
      'dist/src/package.json',
    ]);
    const orphans = ['dist/src/gone.js', 'dist/src/gone.js.map', 'dist/src/gone.d.ts', 'dist/src/moved.js', 'dist/generators/oss.d.ts.map'];
    files(root, orphans);
    expect(orphanOutputs(root).sort()).toEqual(orphans.map((path) => join(root, path)).sort());
  });
});
