/**
 * Every export of the package's entries (fc-sim, fc-sim/testing, fc-sim/generators) is documented where users read
 * it, in their editor: a TSDoc summary, an `@example` and an `@see`. That the examples type-check against the public
 * API is a whole type-check of the package: `npm test` runs it beside tsc (scripts/public-docs.ts).
 */
import { join } from 'node:path';
import type { TypeScript } from '../scripts/typescript.js';
import { ts } from '../scripts/typescript.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicDeclaration } from '../scripts/public-docs.js';
import { declarationsProgram, docOf, docProblems, GENERATED_TYPES, publicDeclarations } from '../scripts/public-docs.js';
import { packageRoot } from '../src/package-root.js';
import { loadSchema, schemaNames } from '../src/schema/catalog.js';

describe('public API docs', () => {
  let program: TypeScript.Program;
  let declarations: PublicDeclaration[];

  // Parsing and binding the package takes seconds, many more on a loaded 2-core machine.
  beforeAll(() => {
    program = declarationsProgram();
    declarations = publicDeclarations(program);
  }, 120_000);
  // The program holds ~120 MB; the worker runs other files after this one, and each handler they start forks it.
  afterAll(() => {
    program = undefined!;
    declarations = [];
  });

  it('finds the exports of the three entries', () => {
    const names = new Set(declarations.map((declaration) => declaration.label));
    for (const name of ['fc-sim: buildOssEvent', 'fc-sim: OssEvent', 'fc-sim: FcSimError', 'fc-sim/testing: checkHandler', 'fc-sim/generators: ossEvent']) {
      expect(names).toContain(name);
    }
  });

  it('documents every export: a summary, an @example and an @see', () => {
    const checker = program.getTypeChecker();
    const undocumented = declarations.flatMap((declaration) => {
      const problems = docProblems(checker, declaration);
      return problems.length === 0 ? [] : [`${declaration.label} (${declaration.file}): ${problems.join('; ')}`];
    });
    expect(undocumented).toEqual([]);
  });

  it("gives each schema's generated type the schema's description, with its FC doc link", () => {
    // What exempts the generated types from @example and @see: json-schema-to-typescript carries the description over.
    const generated = program.getSourceFile(join(packageRoot, GENERATED_TYPES))!;
    const undocumented = schemaNames.flatMap((name) => {
      const schema = loadSchema(name);
      const declaration = generated.statements.find(
        (statement): statement is TypeScript.InterfaceDeclaration | TypeScript.TypeAliasDeclaration =>
          (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === schema.title,
      );
      const summary = declaration && docOf(declaration)?.summary;
      return summary?.includes(`See: ${schema['x-fc-doc']}`) ? [] : [`${name}: ${schema.title} in ${GENERATED_TYPES} lacks "See: ${schema['x-fc-doc']}"`];
    });
    expect(undocumented).toEqual([]);
  });
});
