import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import { parseHandlerName } from '../runtime/handler-path.js';

/** What FC's Node.js runtimes load (`.js`; `.mjs`, `.cjs` on nodejs18+), and the TypeScript files that stand in their place. */
const JAVASCRIPT = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT = ['.ts', '.mts', '.cts'];

/**
 * A handler string that names TypeScript source (`src/oss.handler` where only `src/oss.ts` exists): FC runs
 * JavaScript only, so this is a usage error that says to build first, rather than the function's
 * `Module 'src/oss.js' is missing`. Nothing to say when a JavaScript file is there or no TypeScript one is.
 */
export function refuseTypeScriptHandler(handler: string, codeDir: string, flag: string): void {
  const dot = handler.lastIndexOf('.');
  // An invalid handler name is the function's error (InvalidHandlerName), as FC reports it.
  if (dot <= 0 || dot === handler.length - 1) return;
  const { module } = parseHandlerName(handler);
  const base = resolve(codeDir, module);
  if (JAVASCRIPT.some((extension) => existsSync(base + extension))) return;
  const source = TYPESCRIPT.find((extension) => existsSync(base + extension));
  if (!source) return;
  throw new FcSimError(
    'E_USAGE',
    `${flag} ${handler}: ${module}${source} is TypeScript and FC's Node.js runtimes load JavaScript (${module}.js)`,
    `build it first (npx tsc) and point ${flag} (and --code-dir) at the compiled JavaScript, as FC runs it`,
  );
}
