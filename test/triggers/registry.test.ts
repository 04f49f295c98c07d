/** registry.ts is the only list of triggers: adding one is a folder and its line there. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triggers } from '../../src/triggers/registry.js';

const root = resolve('.');
const sourceFiles = (dir: string) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
/** Every trigger module's file: the index.ts of a folder under src/triggers/. */
const moduleFiles = sourceFiles('src/triggers').filter((file) => file.endsWith('/index.ts'));

/** The files of src/ and generators/ that `file` imports at run time (not `import type`). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)(?! type)[^'"]*?from '(\.[^']+)'/gm)].map((match) =>
    relative(root, resolve(root, dirname(file), match[1]!.replace(/\.js$/, '.ts'))),
  );
}

describe('the registry', () => {
  it('lists the module of every trigger folder, once', async () => {
    const modules = await Promise.all(
      moduleFiles.map(async (file) => Object.values(await import(join(root, file))).find((value) => (triggers as readonly unknown[]).includes(value))),
    );
    expect(modules.filter((module) => module === undefined).length, 'trigger folders whose module registry.ts does not list').toBe(0);
    expect(new Set(modules).size).toBe(triggers.length);
    expect(triggers.length).toBe(moduleFiles.length);
  });

  it('is the only list: no other file imports the modules of several triggers', () => {
    // eventbridge/generators.ts names the sources' public generators, one function each (generators/index.ts exports them).
    const allowed = ['src/triggers/registry.ts', 'src/triggers/eventbridge/generators.ts'];
    const lists = [...sourceFiles('src'), ...sourceFiles('generators')]
      .filter((file) => !allowed.includes(file))
      .filter((file) => runtimeImports(file).filter((imported) => moduleFiles.includes(imported)).length > 1);
    expect(lists).toEqual([]);
  });
});
