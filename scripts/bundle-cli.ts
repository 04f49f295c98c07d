/**
 * Bundles the CLI (dist/src/cli/bundle-entry.js and everything it imports, the dependencies included) into one
 * CommonJS script, dist/cli/fc-sim.cjs, that the bin compiles with V8's code cache (src/cli/load-cli.ts). Start-up
 * was mostly Node loading and compiling ~120 ES modules (`fc-sim oss:put --random`: 3.4× `node -e 0`); one script
 * compiled from a cache skips both. Lazy imports stay lazy: the bundler wraps each in a function run on first use.
 * Run by `npm run build` after tsc, and by the test setup when dist/ changed.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { packageRoot } from '../src/package-root.js';

/** The bundle the bin runs. */
export const CLI_BUNDLE = join(packageRoot, 'dist', 'cli', 'fc-sim.cjs');

/** The bundle's source: the compiled CLI. */
const ENTRY = join(packageRoot, 'dist', 'src', 'cli', 'bundle-entry.js');

/** The file URL of the bundle, standing for each module's `import.meta.url` (only ever used to find files and require). */
const IMPORT_META_URL = '__fcSimImportMetaUrl';

/** Writes dist/cli/fc-sim.cjs from dist/src/ (which tsc or the test setup built first). */
export async function bundleCli(): Promise<void> {
  const bundle = await rolldown({
    input: ENTRY,
    platform: 'node',
    // Node's built-ins stay requires; every package is bundled, so that its code is in the code cache too.
    external: [/^node:/],
    transform: { define: { 'import.meta.url': IMPORT_META_URL } },
    // A package's ES module build where it has one (jsonc-parser's `main` is a UMD build that requires its parts by
    // relative path, which a bundle cannot); the others publish only `main` or `exports`.
    resolve: { mainFields: ['module', 'main'] },
    logLevel: 'warn',
  });
  const partial = `${CLI_BUNDLE}.partial`;
  mkdirSync(join(packageRoot, 'dist', 'cli'), { recursive: true });
  await bundle.write({
    format: 'cjs',
    file: partial,
    codeSplitting: false,
    banner: `const ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;`,
  });
  await bundle.close();
  // A bin started meanwhile reads the old bundle or the new one, never half of one.
  renameSync(partial, CLI_BUNDLE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundleCli();
