/**
 * `vitest run` loads the package's own modules from dist/, natively, instead of having vite transform each
 * TypeScript source and evaluate it in every worker. The global setup has just transpiled every source newer than
 * its output (test/global-setup.ts), so dist/ is the code under test, compiled as it ships; vitest maps failures
 * back to the sources through the source maps. Test files and helpers are still transformed as usual.
 *
 * Measured on the 2-core machine: vite's transforms 4.0–5.7 s instead of 7.8–10.1 s, ~8 CPU-s less per run.
 * Watch mode keeps the sources: there an edit must reach the next run, and dist/ is rebuilt only when vitest starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { Plugin } from 'vitest/config';
import { packageRoot } from '../src/package-root.js';

/** The folders tsconfig.build.json compiles into dist/ (tsconfig files are JSON with comments). */
export const SOURCE_FOLDERS = (parseJsonc(readFileSync(join(packageRoot, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;

/** The compiled output of `file` when it is one of the package's sources and the output is there. */
export function compiledOutput(root: string, file: string): string | undefined {
  const path = relative(root, file);
  if (!file.endsWith('.ts') || file.endsWith('.d.ts') || !SOURCE_FOLDERS.includes(path.split(sep)[0]!)) return undefined;
  const output = join(root, 'dist', `${path.slice(0, -'.ts'.length)}.js`);
  return existsSync(output) ? output : undefined;
}

export function compiledModules(root: string): Plugin {
  let watching = true;
  const inDist = new RegExp(`^${join(root, 'dist', sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return {
    name: 'fc-sim:compiled-modules',
    enforce: 'pre',
    // Imported by Node.js itself; vitest would otherwise transform a .js file outside node_modules too.
    config: () => ({ test: { server: { deps: { external: [inDist] } } } }),
    configureVitest({ vitest }) {
      watching = vitest.config.watch;
    },
    async resolveId(source, importer, options) {
      // Tests run in the 'ssr' environment; the global setup, which builds dist/, runs in vitest's own and keeps the sources.
      if (watching || this.environment.name !== 'ssr' || importer === undefined || importer.includes('/node_modules/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const output = resolved && compiledOutput(root, resolved.id);
      return output ?? null;
    },
  };
}
