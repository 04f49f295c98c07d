/**
 * Builds the instance's child process (src/runtime/child/bootstrap.ts and what it imports) into dist/child/, for
 * the runtime's own Node.js, 12 to 20: tsc emits CommonJS ES2019 (tsconfig.child.json), then this marks the folder
 * CommonJS (the package is "type": "module") and drops the `node:` prefix of built-in requires, which Node 12 lacks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';

/** Where the child's compiled files go: `src/<path>.ts` becomes `dist/child/<path>.js`. */
export const CHILD_OUT = join(packageRoot, 'dist', 'child');

/**
 * tsc's record of the last child build, for incremental rebuilds: in dist/ with the output it describes, so that a
 * removed dist/ (npm run build starts with none) is built again, not taken for up to date.
 */
export const CHILD_BUILD_INFO = join(packageRoot, 'dist', 'child.tsbuildinfo');

/** A compiled child script as Node 12 can load it: built-in modules required without the `node:` prefix. */
export function finishChildScript(script: string): string {
  return script.replace(/require\("node:([a-z_/]+)"\)/g, 'require("$1")');
}

function scripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** Compiles the child; the status and output of tsc (it emits despite type errors, as the main build does). */
export function buildChild(): { status: number | null; output: string } {
  const tsc = spawnSync(
    process.execPath,
    [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.child.json', '--incremental', '--tsBuildInfoFile', CHILD_BUILD_INFO],
    { cwd: packageRoot, encoding: 'utf8' },
  );
  mkdirSync(CHILD_OUT, { recursive: true });
  writeFileSync(join(CHILD_OUT, 'package.json'), '{ "type": "commonjs" }\n');
  for (const file of scripts(CHILD_OUT)) {
    const text = readFileSync(file, 'utf8');
    const plain = finishChildScript(text);
    if (plain !== text) writeFileSync(file, plain);
  }
  return { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { status, output } = buildChild();
  process.stdout.write(output);
  process.exitCode = status ?? 1;
}
