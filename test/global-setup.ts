/**
 * Tests never run a stale build: the runtime's child processes start dist/src/runtime/child/bootstrap.js, and the
 * bin smoke tests dist/src/cli/bin.js. Before any test runs, dist/ is rebuilt when an output is missing or older
 * than its source; when every output is fresh (after `npm ci`'s prepare build, or a previous run) this costs a
 * few hundred stat calls.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { parse as parseJsonc } from 'jsonc-parser';
import { buildChild, CHILD_BUILD_INFO, CHILD_OUT } from '../scripts/build-child.js';
import { packageRoot } from '../src/package-root.js';
import { NodeUnavailable } from '../src/runtime/node/node-binary.js';
import { installRuntime } from '../src/runtime/node/runtime-cache.js';
import { runtimeNames } from '../src/runtime/runtimes.js';
import { guardRun } from './helpers/run-guard.js';

/** The folders tsconfig.build.json compiles into dist/ (tsconfig files are JSON with comments). */
const SOURCE_FOLDERS = (parseJsonc(readFileSync(join(packageRoot, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The first source whose compiled file is missing or older than it, or undefined when dist/ is up to date. */
export function staleSource(root = packageRoot): string | undefined {
  for (const source of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)))) {
    const output = join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js');
    if (!existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs) return relative(root, source);
  }
  return undefined;
}

/** tsc's record of the last build, so that a rebuild after an edit compiles what changed (seconds, not half a minute). */
const BUILD_INFO = join(packageRoot, 'node_modules/.cache/fc-sim/build.tsbuildinfo');

function build(): { status: number | null; output: string } {
  const tsc = spawnSync(
    process.execPath,
    [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO],
    {
      cwd: packageRoot,
      encoding: 'utf8',
    },
  );
  return { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
}

/** Held while building, so that two test runs in one checkout do not write dist/ at the same time. */
const LOCK = join(packageRoot, 'node_modules/.cache/fc-sim/build.lock');

async function whileLocked(work: () => void): Promise<void> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Another run is building; a lock older than any build is left over from a run that was killed.
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 180_000) rmSync(LOCK, { recursive: true, force: true });
    await setTimeout(200);
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * The first source of the child build (dist/child/, for the runtimes' own Node.js) that is newer than its output, or
 * undefined; the child's bootstrap missing counts as stale. A file newly imported by the child is seen through the
 * importing file, which changed.
 */
export function staleChildSource(root = packageRoot): string | undefined {
  const out = join(root, 'dist', 'child');
  const bootstrap = join(out, 'runtime', 'child', 'bootstrap.js');
  if (!existsSync(bootstrap)) return 'src/runtime/child/bootstrap.ts';
  const outputs = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? outputs(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : [],
    );
  for (const output of outputs(out)) {
    const source = join(root, 'src', relative(out, output)).replace(/\.js$/, '.ts');
    if (existsSync(source) && statSync(output).mtimeMs < statSync(source).mtimeMs) return relative(root, source);
  }
  return undefined;
}

function buildChildWhenStale(): void {
  const stale = staleChildSource();
  if (stale === undefined) return;
  process.stderr.write(`global setup: dist/child/ is older than ${stale}: building (tsc -p tsconfig.child.json)\n`);
  let tsc = buildChild();
  if (staleChildSource() !== undefined) {
    rmSync(CHILD_BUILD_INFO, { force: true });
    tsc = buildChild();
  }
  const stillStale = staleChildSource();
  if (stillStale !== undefined) throw new Error(`global setup: tsc -p tsconfig.child.json left ${CHILD_OUT} older than ${stillStale}:\n${tsc.output}`);
  if (tsc.status !== 0) process.stderr.write(`global setup: child built with type errors:\n${tsc.output.split('\n').slice(0, 10).join('\n')}\n`);
}

async function buildWhenStale(): Promise<void> {
  if (staleSource() === undefined && staleChildSource() === undefined) return;
  await whileLocked(() => {
    buildChildWhenStale();
    // Checked again under the lock: the run that held it may have built already.
    const stale = staleSource();
    if (stale === undefined) return;
    process.stderr.write(`global setup: dist/ is older than ${stale}: building (tsc -p tsconfig.build.json)\n`);
    let tsc = build();
    if (staleSource() !== undefined) {
      // Outputs deleted or touched behind tsc's back: its record says they are up to date, so build everything.
      rmSync(BUILD_INFO, { force: true });
      tsc = build();
    }
    // npx runs the bin file itself; `npm run build` sets its mode the same way.
    chmodSync(join(packageRoot, 'dist/src/cli/bin.js'), 0o755);
    const stillStale = staleSource();
    if (stillStale !== undefined) throw new Error(`global setup: tsc -p tsconfig.build.json left dist/ older than ${stillStale}:\n${tsc.output}`);
    // tsc emits despite type errors, as vitest runs code despite them; `npm test` and `npm run typecheck` report them.
    if (tsc.status !== 0)
      process.stderr.write(`global setup: built with type errors (npm run typecheck lists them):\n${tsc.output.split('\n').slice(0, 10).join('\n')}\n`);
  });
}

/**
 * Each runtime's Node.js and FC's preinstalled modules, downloaded into the user cache once per machine before any
 * test starts (tests run handlers on nodejs12–20, and a download inside a test would race its timeout).
 */
async function prefetchRuntimes(): Promise<void> {
  for (const runtime of runtimeNames) {
    try {
      await installRuntime(runtime, { progress: (line) => process.stderr.write(`global setup: ${line}\n`) });
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      process.stderr.write(`global setup: ${runtime} will run on this machine's Node.js: ${error.message}\n`);
    }
  }
}

export default async function setup(): Promise<() => void> {
  await buildWhenStale();
  await prefetchRuntimes();
  return guardRun();
}
