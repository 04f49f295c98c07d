import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import type { FcErrorBody } from './fc-errors.js';
import type { RuntimeTraits } from './runtimes.js';

/** A handler string split FC's way: at the last dot (`src/app.main` → module `src/app`, export `main`). */
export interface HandlerName {
  module: string;
  exportName: string;
}

export interface ResolvedModule {
  file: string;
  format: 'commonjs' | 'module';
}

/** An FC loading error: the invocation fails with this body (unhandled). */
export class HandlerLoadError extends FcSimError {
  declare readonly code: 'E_HANDLER_LOAD';
  constructor(readonly body: FcErrorBody) {
    super('E_HANDLER_LOAD', body.errorMessage);
    this.name = 'HandlerLoadError';
  }
}

export function parseHandlerName(handler: string): HandlerName {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) {
    throw new HandlerLoadError({ errorMessage: `Invalid handler '${handler}'`, errorType: 'InvalidHandlerName' });
  }
  return { module: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/**
 * `"type"` of the nearest package.json, as Node decides what a `.js` file is, looking no higher than the code folder:
 * FC's `/code/` has no package.json above it (runtime.md, Corrections 4).
 */
function packageType(file: string, codeDir: string): 'commonjs' | 'module' {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dir === codeDir || dirname(dir) === dir) return 'commonjs';
  }
}

/**
 * The file a handler's module names. nodejs ≤ 16 look only for `<module>.js` and load it as CommonJS; nodejs 18/20
 * also take `.mjs` and `.cjs`. FC does not document the order when several exist: `.js` first, then `.mjs`, `.cjs`.
 * With `typescript` (the process runs tsx's loader), TypeScript files come after them: `.ts` as `.js`, `.mts` as
 * `.mjs`, `.cts` as `.cjs`.
 */
export function resolveHandlerModule(codeDir: string, name: HandlerName, traits: RuntimeTraits, typescript = false): ResolvedModule {
  const base = resolve(codeDir, name.module);
  const javascript = traits.esm ? ['.js', '.mjs', '.cjs'] : ['.js'];
  const candidates = typescript ? [...javascript, ...javascript.map((extension) => extension.replace('j', 't'))] : javascript;
  for (const extension of candidates) {
    const file = base + extension;
    if (!existsSync(file)) continue;
    const format = /^\.m[jt]s$/.test(extension) ? 'module' : /^\.c[jt]s$/.test(extension) ? 'commonjs' : packageType(file, resolve(codeDir));
    return { file, format };
  }
  throw new HandlerLoadError({ errorMessage: `Module '${base}.js' is missing.`, errorType: 'ImportModuleError' });
}
