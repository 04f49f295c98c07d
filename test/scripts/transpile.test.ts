import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ts } from '../../scripts/typescript.js';
import { afterEach, describe, expect, it } from 'vitest';
import { finishChildScript } from '../../scripts/build-child.js';
import type { Transpiler } from '../../scripts/transpile.js';
import { transpiler, transpileWithNewImports } from '../../scripts/transpile.js';
import { packageRoot } from '../../src/package-root.js';

/**
 * What tsc itself emits for `rootNames` under `tsconfig`'s settings: output file → text. Each file is emitted as tsc
 * emits it in the build; the imports are not followed and the libraries not read (only what a file says decides its
 * output, which is what isolatedModules guarantees), so that this costs a second rather than a whole build.
 */
function tscEmit(tsconfig: string, rootNames: string[]): Map<string, string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(packageRoot, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(tsconfig);
  const options = { ...parsed.options, noEmit: false, declaration: false, noResolve: true, noLib: true, types: [] };
  const program = ts.createProgram({ rootNames: rootNames.map((root) => join(packageRoot, root)), options });
  const emitted = new Map<string, string>();
  program.emit(undefined, (file, text) => emitted.set(file, text));
  return emitted;
}

function expectSameAsTsc(build: Transpiler, emitted: Map<string, string>, sources: string[], finish = (script: string) => script): void {
  expect(sources.length).toBeGreaterThan(3);
  for (const source of sources) {
    const { script, map } = build.transpile(source);
    const output = build.outputOf(source);
    expect(script, source).toBe(finish(emitted.get(output) ?? `(tsc emitted no ${output})`));
    expect(map, source).toBe(emitted.get(`${output}.map`));
  }
}

/** The project's sources among what a program emitted (`src/x.ts` for `…/x.js`). */
const sourcesOf = (emitted: Map<string, string>, outDir: string, sourceDir: string) =>
  [...emitted.keys()]
    .filter((file) => file.endsWith('.js'))
    .map((file) => relative(packageRoot, join(sourceDir, relative(outDir, file)).replace(/\.js$/, '.ts')));

describe('the test loop transpiler', () => {
  it("emits tsc's ES module output and source maps, byte for byte, for the package build", () => {
    // Roots chosen for the forms transpiling alone can get wrong: type-only imports and re-exports, classes, enums.
    const emitted = tscEmit('tsconfig.build.json', [
      'src/errors.ts',
      'src/runtime/fc-errors.ts',
      'src/types/handlers.ts',
      'src/project/model.ts',
      'src/cli/main.ts',
      'src/triggers/modules.ts',
    ]);
    expectSameAsTsc(transpiler('tsconfig.build.json'), emitted, sourcesOf(emitted, join(packageRoot, 'dist'), packageRoot));
  });

  it("emits tsc's CommonJS ES2019 output for the child, with the child build's Node 12 requires", () => {
    const childSources = readdirSync(join(packageRoot, 'dist', 'child'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join('src', file).replace(/\.js$/, '.ts'));
    const emitted = tscEmit('tsconfig.child.json', childSources);
    const build = transpiler('tsconfig.child.json', finishChildScript);
    expectSameAsTsc(build, emitted, sourcesOf(emitted, join(packageRoot, 'dist', 'child'), join(packageRoot, 'src')), finishChildScript);
    expect(build.transpile('src/runtime/child/bootstrap.ts').script).not.toMatch(/require\("node:/);
  });
});

describe('transpileWithNewImports', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('also builds a module an edited file newly requires, and not one already built', () => {
    folder = mkdtempSync(join(tmpdir(), 'fc-sim-transpile-'));
    const out = join(folder, 'out');
    const src = join(folder, 'src');
    const sources: Record<string, string> = {
      'a.ts': 'require("./b"); require("./c.js"); require("node:fs");',
      'b.ts': 'require("./d");',
      'c.ts': '',
      'd.ts': '',
    };
    const emitted: string[] = [];
    // A stand-in build that copies the source's text, so that its requires are the source's.
    const build: Transpiler = {
      outputOf: (source) => join(out, relative(src, source)).replace(/\.ts$/, '.js'),
      transpile: (source) => ({ script: readFileSync(source, 'utf8'), map: undefined }),
      emit(source) {
        emitted.push(relative(src, source));
        const output = this.outputOf(source);
        const { script } = this.transpile(source);
        writeFileSync(output, script);
        return { output, script };
      },
    };
    ts.sys.createDirectory(src);
    ts.sys.createDirectory(out);
    for (const [name, text] of Object.entries(sources)) writeFileSync(join(src, name), text);
    writeFileSync(join(out, 'c.js'), '');

    transpileWithNewImports(build, [join(src, 'a.ts')], (output) => join(src, relative(out, output)).replace(/\.js$/, '.ts'));

    expect(emitted).toEqual(['a.ts', 'b.ts', 'd.ts']);
    expect(existsSync(join(out, 'd.js'))).toBe(true);
  });
});
