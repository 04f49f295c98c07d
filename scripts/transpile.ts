/**
 * Emits the JavaScript of changed sources file by file (`ts.transpileModule`), without type-checking: the test
 * loop's rebuild after an edit takes tens of milliseconds instead of the ~12 s tsc spends re-checking every file
 * that depends on the edited one. The output is tsc's, byte for byte (the sources are `isolatedModules`-safe;
 * test/scripts/transpile.test.ts compares every file); types are checked by `npm test` and `npm run typecheck`, and
 * declarations are written by `npm run build`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { TypeScript } from './typescript.js';
import { ts } from './typescript.js';
import { packageRoot } from '../src/package-root.js';

/** One tsconfig's emit settings, and where each source's output goes. */
export interface Transpiler {
  /** The `.js` file tsc writes for a source. */
  outputOf(source: string): string;
  /** A source's script, and its source map when the tsconfig asks for maps. */
  transpile(source: string): { script: string; map: string | undefined };
  /** Writes a source's `.js` (and `.js.map` when the tsconfig asks for maps); returns the file and its script. */
  emit(source: string): { output: string; script: string };
}

function compilerOptions(tsconfig: string): TypeScript.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(packageRoot, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(`${tsconfig}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
      },
    },
  );
  if (!parsed) throw new Error(`${tsconfig}: not readable`);
  const options: TypeScript.CompilerOptions = { ...parsed.options, noEmit: false, declaration: false };
  // transpileModule sees one file, not package.json's "type": "module", so NodeNext would emit CommonJS; for this
  // ES module package, ESNext is what tsc emits under NodeNext.
  if (options.module === ts.ModuleKind.NodeNext || options.module === ts.ModuleKind.Node16) {
    options.module = ts.ModuleKind.ESNext;
    options.moduleResolution = ts.ModuleResolutionKind.Bundler;
  }
  return options;
}

/**
 * A transpiler with `tsconfig`'s settings (a path from the package root); `finish` rewrites each emitted script, as
 * the child build does for Node 12.
 */
export function transpiler(tsconfig: string, finish: (script: string) => string = (script) => script): Transpiler {
  const options = compilerOptions(tsconfig);
  const rootDir = options.rootDir ?? packageRoot;
  const outDir = options.outDir ?? packageRoot;
  const outputOf = (source: string) => join(outDir, relative(rootDir, resolve(packageRoot, source))).replace(/\.[cm]?ts$/, '.js');
  const transpile = (source: string) => {
    const fileName = resolve(packageRoot, source);
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(fileName, 'utf8'), { compilerOptions: options, fileName });
    return { script: finish(outputText), map: sourceMapText };
  };
  return {
    outputOf,
    transpile,
    emit(source) {
      const output = outputOf(source);
      const { script, map } = transpile(source);
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, script);
      if (map !== undefined) writeFileSync(`${output}.map`, map);
      return { output, script };
    },
  };
}

/** The relative modules a CommonJS script (written to `output`) requires (`require("./wire")`), as files beside it. */
function relativeRequires(script: string, output: string): string[] {
  return [...script.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map((match) => {
    const target = resolve(dirname(output), match[1]!);
    return target.endsWith('.js') ? target : `${target}.js`;
  });
}

/**
 * Transpiles `sources`, and for a CommonJS build (the child) also each relative module they require that has no
 * output yet: a file newly imported by an edited one.
 */
export function transpileWithNewImports(build: Transpiler, sources: string[], sourceOf: (output: string) => string): void {
  const queue = [...sources];
  for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
    const { output, script } = build.emit(source);
    for (const required of relativeRequires(script, output)) {
      if (!existsSync(required) && existsSync(sourceOf(required))) queue.push(sourceOf(required));
    }
  }
}
