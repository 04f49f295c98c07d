import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { cacheDir } from '../runtime/node/cache-dir.js';

/** What the bin runs: the CLI and its signal handling. */
export interface Cli {
  run(argv: string[]): Promise<number>;
  exitOnStopSignals(): void;
}

/** dist/cli/fc-sim.cjs, beside dist/src/ (scripts/bundle-cli.ts writes it). */
const BUNDLE = fileURLToPath(new URL('../../cli/fc-sim.cjs', import.meta.url));

/** The start of the names of this Node.js's code caches: one per Node.js version, the others are left alone. */
const CACHE_PREFIX = `cli-${process.version}-${process.arch}-`;

/**
 * V8's code cache of one bundle on this Node.js: named after the bundle's size and time too, so that a rebuilt bundle
 * never reads a cache made for another (V8 checks its version and flags, and of the source only its length).
 */
function codeCachePath(size: number, mtimeMs: number): string {
  const key = createHash('sha1').update(`${BUNDLE}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 16);
  return join(cacheDir(), 'code-cache', `${CACHE_PREFIX}${key}.bin`);
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What decides which of the CLI's code a run compiles: the command and the flags that load more of it. A cache holds
 * what the runs that wrote it compiled, so it is written again by the first run of each new kind (V8 adds what this
 * run compiled to what the cache gave it).
 */
function runKind(argv: readonly string[]): string {
  // Not '': the kinds file drops empty lines, and a kind never found there had `fc-sim --version` rewrite the cache each run.
  const command = argv.find((arg) => !arg.startsWith('-')) ?? '(no command)';
  return [command, ...['--random', '--count', '--url', '--handler', '--json'].filter((flag) => argv.includes(flag))].join(' ');
}

/** The kinds of run a cache holds the code of, one per line beside it. */
function readKinds(path: string): string[] {
  return readIfThere(`${path}.runs`)?.toString('utf8').split('\n').filter(Boolean) ?? [];
}

/** Writes the cache when the process ends, then holding every function this run compiled; a failure costs only speed. */
function saveCodeCache(script: Script, path: string, kinds: string[]): void {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.${process.pid}`, script.createCachedData());
      renameSync(`${path}.${process.pid}`, path);
      writeFileSync(`${path}.runs`, `${kinds.join('\n')}\n`);
      // The caches of earlier builds on this Node.js are of no more use.
      const folder = dirname(path);
      for (const name of readdirSync(folder)) {
        if (name.startsWith(CACHE_PREFIX) && !join(folder, name).startsWith(path)) rmSync(join(folder, name), { force: true });
      }
    } catch {
      // A read-only or full cache folder: the next run compiles again.
    }
  });
}

/**
 * The CLI from the bundle, compiled with V8's code cache (saved by the first run of each kind): start-up without loading and
 * compiling ~120 modules. Without a bundle (a checkout built by tsc alone) the CLI's modules are imported as they are.
 */
export async function loadCli(argv: readonly string[]): Promise<Cli> {
  const bundle = statSync(BUNDLE, { throwIfNoEntry: false });
  if (bundle === undefined) {
    const [{ run }, { exitOnStopSignals }] = await Promise.all([import('./main.js'), import('./signals.js')]);
    return { run, exitOnStopSignals };
  }
  const cachePath = codeCachePath(bundle.size, bundle.mtimeMs);
  const cachedData = readIfThere(cachePath);
  const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const kind = runKind(argv);
  if (cachedData === undefined || script.cachedDataRejected) saveCodeCache(script, cachePath, [kind]);
  else {
    const kinds = readKinds(cachePath);
    if (!kinds.includes(kind)) saveCodeCache(script, cachePath, [...kinds, kind]);
  }
  const module = { exports: {} as Cli };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return module.exports;
}
