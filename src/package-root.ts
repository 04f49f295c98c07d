import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fc-sim package folder: the same code runs from `src/` (vitest) and from `dist/src/` (the CLI), so the
 * schemas are found by walking up to our own package.json rather than by a fixed relative path.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'fc-sim') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fc-sim: cannot find the fc-sim package folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
