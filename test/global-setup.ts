/**
 * Tests never run a stale build: the runtime's child processes start dist/src/runtime/child/bootstrap.js, and the
 * bin smoke tests dist/src/cli/bin.js. Before any test runs, each source newer than its output is transpiled into
 * dist/ (scripts/transpile.ts: tsc's output without its type-check, tens of milliseconds after an edit instead of
 * ~12 s); when every output is fresh this costs a few hundred stat calls. Types are `npm test`'s tsc's job.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { buildChild, CHILD_OUT, finishChildScript } from '../scripts/build-child.js';
import { bundleCli, CLI_BUNDLE } from '../scripts/bundle-cli.js';
import { packageRoot } from '../src/package-root.js';
import { NodeUnavailable } from '../src/runtime/node/node-binary.js';
import { installRuntime } from '../src/runtime/node/runtime-cache.js';
import { runtimeNames } from '../src/runtime/runtimes.js';
import { SOURCE_FOLDERS } from './compiled-modules.js';
import { guardRun } from './helpers/run-guard.js';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isOlder = (output: string, source: string) => !existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs;

/** Each source tsconfig.build.json compiles and its `.js` in dist/ (absolute paths). */
function compiledFiles(root: string): { source: string; output: string }[] {
  return SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder))).map((source) => ({
    source,
    output: join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js'),
  }));
}

/** The sources (relative to `root`) whose compiled file is missing or older than them; empty when dist/ is up to date. */
export function staleSources(root = packageRoot): string[] {
  return compiledFiles(root)
    .filter(({ source, output }) => isOlder(output, source))
    .map(({ source }) => relative(root, source));
}

/** What tsc writes for one source, besides its `.js`. */
const OUTPUT_SUFFIXES = ['.js', '.js.map', '.d.ts', '.d.ts.map'];

/**
 * Outputs in dist/ whose source is gone (a file moved or deleted): a test or the bundle could still import them and
 * pass where a clean checkout fails. Absolute paths.
 */
export function orphanOutputs(root = packageRoot): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));
  return SOURCE_FOLDERS.flatMap((folder) => {
    const out = join(root, 'dist', folder);
    if (!existsSync(out)) return [];
    return walk(out).filter((output) => {
      const suffix = OUTPUT_SUFFIXES.find((ending) => output.endsWith(ending));
      return suffix !== undefined && !existsSync(join(root, relative(join(root, 'dist'), `${output.slice(0, -suffix.length)}.ts`)));
    });
  });
}

/** True when the CLI's bundle (which the spawned bin runs) is missing or older than a compiled file of dist/. */
function bundleIsStale(root = packageRoot): boolean {
  const bundle = statSync(CLI_BUNDLE, { throwIfNoEntry: false });
  if (bundle === undefined) return true;
  return compiledFiles(root).some(({ output }) => (statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0) > bundle.mtimeMs);
}

/** Held while building, so that two test runs in one checkout do not write dist/ at the same time. */
const LOCK = join(packageRoot, 'node_modules/.cache/fc-sim/build.lock');

async function whileLocked(work: () => Promise<void>): Promise<void> {
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
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const CHILD_BOOTSTRAP = join(CHILD_OUT, 'runtime', 'child', 'bootstrap.js');
const childSourceOf = (output: string) => join(packageRoot, 'src', relative(CHILD_OUT, output)).replace(/\.js$/, '.ts');

/**
 * The sources of the child build (dist/child/, for the runtimes' own Node.js) newer than their output; a file newly
 * imported by the child is found through the importing file, which changed.
 */
export function staleChildSources(): string[] {
  const outputs = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? outputs(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : [],
    );
  return outputs(CHILD_OUT)
    .map((output) => ({ output, source: childSourceOf(output) }))
    .filter(({ output, source }) => existsSync(source) && isOlder(output, source))
    .map(({ source }) => relative(packageRoot, source));
}

/** A first build (no dist/ yet) is tsc's, declarations included; later ones transpile what changed. */
async function buildWhatIsStale(): Promise<void> {
  // Only when something is stale: the transpiler loads the TypeScript compiler.
  const { transpiler, transpileWithNewImports } = await import('../scripts/transpile.js');
  if (!existsSync(CHILD_BOOTSTRAP)) {
    process.stderr.write('global setup: no dist/child/: building (tsc -p tsconfig.child.json)\n');
    buildChild();
  } else {
    const stale = staleChildSources();
    if (stale.length > 0) {
      process.stderr.write(`global setup: transpiling ${stale.length} changed file(s) into dist/child/ (${stale[0]}…)\n`);
      transpileWithNewImports(transpiler('tsconfig.child.json', finishChildScript), stale, childSourceOf);
    }
  }
  const bin = join(packageRoot, 'dist/src/cli/bin.js');
  if (!existsSync(bin)) {
    process.stderr.write('global setup: no dist/src/: building (tsc -p tsconfig.build.json)\n');
    spawnSync(process.execPath, [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: packageRoot, stdio: 'inherit' });
  }
  const orphans = orphanOutputs();
  if (orphans.length > 0) {
    process.stderr.write(`global setup: removing ${orphans.length} output(s) of deleted sources (${relative(packageRoot, orphans[0]!)}…)\n`);
    for (const orphan of orphans) rmSync(orphan);
  }
  const stale = staleSources();
  if (stale.length > 0) {
    process.stderr.write(`global setup: transpiling ${stale.length} changed file(s) into dist/ (${stale[0]}…)\n`);
    const build = transpiler('tsconfig.build.json');
    for (const source of stale) build.emit(source);
  }
  // npx runs the bin file itself; `npm run build` sets its mode the same way.
  chmodSync(bin, 0o755);
  if (bundleIsStale()) {
    process.stderr.write('global setup: bundling the CLI (dist/cli/fc-sim.cjs)\n');
    await bundleCli();
  }
}

async function buildWhenStale(): Promise<void> {
  if (existsSync(CHILD_BOOTSTRAP) && staleSources().length === 0 && staleChildSources().length === 0 && orphanOutputs().length === 0 && !bundleIsStale())
    return;
  // Checked again under the lock: the run that held it may have built already.
  await whileLocked(buildWhatIsStale);
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
