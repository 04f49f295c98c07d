import { pathToFileURL } from 'node:url';

/**
 * `import()` of an ES module file from this CommonJS process. Written as source text because tsc compiles an
 * `import()` in CommonJS output to `require()`, which cannot load an ES module; Node 12 to 20 all run this.
 */
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

export function importModule(file: string): Promise<Record<string, unknown>> {
  return dynamicImport(pathToFileURL(file).href);
}
