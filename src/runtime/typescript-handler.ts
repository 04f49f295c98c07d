import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FcSimError } from '../errors.js';
import type { FunctionConfig } from './function-config.js';
import { parseHandlerName } from './handler-path.js';
import { majorOf } from './node/node-versions.js';

/** What FC's Node.js runtimes load (`.js`; `.mjs`, `.cjs` on nodejs18+), and the TypeScript files that stand in their place. */
const JAVASCRIPT = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'];

/**
 * The TypeScript file a handler string names when its module exists only as TypeScript (`src/oss.handler` with
 * `src/oss.ts` and no `src/oss.js`), relative to the code folder; undefined when JavaScript is there or nothing is.
 */
export function typescriptSourceOf(handler: string, codeDir: string): string | undefined {
  const dot = handler.lastIndexOf('.');
  // An invalid handler name is the function's error (InvalidHandlerName), as FC reports it.
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  const { module } = parseHandlerName(handler);
  const base = resolve(codeDir, module);
  if (JAVASCRIPT.some((extension) => existsSync(base + extension))) return undefined;
  const source = TYPESCRIPT_EXTENSIONS.find((extension) => existsSync(base + extension));
  return source && module + source;
}

/** The handler strings of a function (handler, initializer, lifecycle hooks) that name TypeScript source, with their files. */
export function typescriptHandlers(config: Pick<FunctionConfig, 'handler' | 'codeDir' | 'initializer' | 'preStop' | 'preFreeze'>): {
  handler: string;
  source: string;
}[] {
  return [config.handler, config.initializer, config.preStop, config.preFreeze].flatMap((handler) => {
    if (handler === undefined) return [];
    const source = typescriptSourceOf(handler, config.codeDir);
    return source ? [{ handler, source }] : [];
  });
}

/**
 * tsx's loader (`tsx`'s main entry, what `node --import tsx` loads) as the user's project has it: resolved as Node
 * resolves a dependency, from the code folder upwards, else from `cwd` upwards. Never fc-sim's own dependencies:
 * fc-sim does not depend on tsx.
 */
export function resolveTsx(codeDir: string, cwd = process.cwd()): string | undefined {
  for (const folder of [codeDir, cwd]) {
    try {
      return createRequire(join(resolve(folder), 'package.json')).resolve('tsx');
    } catch {}
  }
  return undefined;
}

/**
 * tsx's loader for a handler string naming TypeScript source; without tsx in the project, a usage error that says to
 * build first or install tsx, rather than the function's `Module 'src/oss.js' is missing`. `flag` names where the
 * handler string came from (`--handler`, `handler`).
 */
export function requireTsx(typescript: { handler: string; source: string }, codeDir: string, flag: string, cwd = process.cwd()): string {
  const loader = resolveTsx(codeDir, cwd);
  if (loader) return loader;
  const module = typescript.source.replace(/\.[cm]?ts$/, '');
  throw new FcSimError(
    'E_USAGE',
    `${flag} ${typescript.handler}: ${typescript.source} is TypeScript and FC's Node.js runtimes load JavaScript (${module}.js)`,
    `build it first (npx tsc) and point ${flag} (and the code folder) at the compiled JavaScript, as FC runs it; or install tsx (npm i -D tsx) to run the TypeScript here`,
  );
}

/** tsx 4 runs on Node.js 18 and later (its `engines`). */
const TSX_MIN_MAJOR = 18;

/**
 * The Node.js flags that register tsx in an instance's process: `--import` where Node has it (20.6+, 18.19+), else
 * `--loader`, as tsx documents (https://tsx.is/dev-api/node-cli). Throws when the Node.js is older than tsx runs on.
 */
export function tsxFlags(loader: string, nodeVersion: string, runtime: string, source: string): string[] {
  if (tooOldForTsx(nodeVersion)) throw tsxNeedsNewerNode(runtime, nodeVersion, source);
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  const hasImport = major > 20 || (major === 20 && minor >= 6) || (major === 18 && minor >= 19);
  return [hasImport ? '--import' : '--loader', pathToFileURL(loader).href];
}

/** Runtimes whose Node.js tsx cannot run on: an error naming the runtime, its Node.js and both ways out. */
export function tsxNeedsNewerNode(runtime: string, nodeVersion: string, source: string): FcSimError {
  return new FcSimError(
    'E_USAGE',
    `${source} is TypeScript, and tsx (which would run it) needs Node.js ${TSX_MIN_MAJOR} or later: runtime ${runtime} runs on Node.js v${nodeVersion.replace(/^v/, '')}`,
    `build it first (npx tsc) and point the handler (and the code folder) at the compiled JavaScript, as FC runs it; or run it on runtime nodejs18 or nodejs20 (--runtime nodejs20)`,
  );
}

/** Whether a Node.js version is older than tsx runs on. */
export const tooOldForTsx = (nodeVersion: string): boolean => majorOf(nodeVersion) < TSX_MIN_MAJOR;

/** The notice that a handler runs through tsx: FC itself runs JavaScript, so the build still has to happen before deploying. */
export function tsxNotice(source: string, loader: string): string {
  return `${source} is TypeScript: it runs here through the project's tsx (${loader}); FC runs JavaScript, so build it (npx tsc) before deploying`;
}

const announced = new Set<string>();

/**
 * Marks a notice as said (the CLI prints its own); true the first time in this process. An instance adds the
 * notice to its first invocation's warnings only when nothing said it yet: one notice, not one per instance.
 */
export function announce(notice: string): boolean {
  if (announced.has(notice)) return false;
  announced.add(notice);
  return true;
}
