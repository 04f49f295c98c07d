/**
 * The rule `npm test` holds the instance's child code to (scripts/child-library.ts), on a small in-memory program
 * whose library files are stand-ins named as TypeScript's are: the sweep over the real child code runs in
 * scripts/package-checks.ts, on the program it type-checks anyway.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childFiles, newerLibraryUses } from '../../scripts/child-library.js';
import type { TypeScript } from '../../scripts/typescript.js';
import { ts } from '../../scripts/typescript.js';
import { packageRoot } from '../../src/package-root.js';

/** Just enough of each library file for the names the sources below use. */
const LIBRARIES: Record<string, string> = {
  'lib.es5.d.ts': `
    interface Array<T> { length: number; flat(): T[] }
    interface ReadonlyArray<T> { length: number }
    interface String { length: number } interface Boolean {} interface Number {} interface Object {} interface Function {}
    interface CallableFunction {} interface NewableFunction {} interface IArguments {} interface RegExp {}
    interface ObjectConstructor { keys(o: object): string[] }
    declare var Object: ObjectConstructor;
    interface ErrorConstructor { new (message?: string): Error }
    interface Error { message: string }
    declare var Error: ErrorConstructor;`,
  'lib.es2019.object.d.ts': 'interface ObjectConstructor { fromEntries(entries: unknown): object }',
  'lib.es2021.weakref.d.ts':
    'interface WeakRef<T extends object> { deref(): T | undefined }\ndeclare var WeakRef: { new <T extends object>(target: T): WeakRef<T> };',
  'lib.es2022.array.d.ts': 'interface Array<T> { at(index: number): T | undefined }',
  'lib.es2022.error.d.ts':
    'interface ErrorOptions { cause?: unknown }\ninterface Error { cause?: unknown }\ninterface ErrorConstructor { new (message?: string, options?: ErrorOptions): Error }',
  'lib.es2022.object.d.ts': 'interface ObjectConstructor { hasOwn(o: object, key: PropertyKey): boolean }',
};

/** The child's entry and the files it imports, as one program over the stand-in libraries. */
function programOf(files: Record<string, string>): TypeScript.Program {
  const sources = new Map(Object.entries(files).map(([path, code]) => [join(packageRoot, path), code]));
  const libraryDir = join(packageRoot, 'test-libraries');
  for (const [name, code] of Object.entries(LIBRARIES)) sources.set(join(libraryDir, name), code);
  const options: TypeScript.CompilerOptions = {
    lib: Object.keys(LIBRARIES),
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => libraryDir;
  host.getDefaultLibFileName = () => join(libraryDir, 'lib.es5.d.ts');
  host.getSourceFile = (name, language) => (sources.has(name) ? ts.createSourceFile(name, sources.get(name)!, language, true) : undefined);
  host.fileExists = (name) => sources.has(name);
  host.readFile = (name) => sources.get(name);
  return ts.createProgram({ rootNames: [...sources.keys()].filter((name) => !name.startsWith(libraryDir)), options, host });
}

const usesIn = (files: Record<string, string>) => {
  const program = programOf(files);
  return newerLibraryUses(program, childFiles(program, join(packageRoot, 'src/child/entry.ts')));
};

describe('newerLibraryUses', () => {
  it('names each value only a library past ES2019 declares, with its file and line', () => {
    expect(
      usesIn({
        'src/child/entry.ts': "import { first } from './helper.js';\nexport const own = Object.hasOwn({}, 'a');\nexport { first };",
        'src/child/helper.ts': 'export const first = [1, 2].at(0);\nexport class Ref extends WeakRef<object> {}',
      }),
    ).toEqual([
      'src/child/entry.ts:2: hasOwn (lib.es2022.object.d.ts)',
      'src/child/helper.ts:1: at (lib.es2022.array.d.ts)',
      'src/child/helper.ts:2: WeakRef (lib.es2021.weakref.d.ts)',
    ]);
  });

  it('takes ES2019 values, error causes, newer types (erased) and files the entry does not import', () => {
    expect(
      usesIn({
        'src/child/entry.ts': [
          "export const entries = Object.fromEntries([['a', 1]]);",
          'export const flat = [[1]].flat();',
          "export const error = new Error('failed', { cause: 1 });",
          'export const why = error.cause;',
          'export type Held = WeakRef<object>;',
          'export const held = (ref: WeakRef<object>) => ref;',
          'export interface Tracked extends WeakRef<object> {}',
        ].join('\n'),
        'src/other.ts': 'export const last = [1].at(-1);',
      }),
    ).toEqual([]);
  });
});
