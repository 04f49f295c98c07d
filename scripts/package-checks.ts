/**
 * The static checks `npm test` runs after vitest (`node dist/scripts/package-checks.js`), on one type-checked program
 * of the package's entries and the instance's child code: the public API's docs (scripts/public-docs.ts) and the
 * child's library (scripts/child-library.ts). Each needs the whole program (seconds), so they run here rather than in
 * the vitest loop, which tests their rules on small programs.
 */
import { join } from 'node:path';
import { CHILD_ENTRY, childFiles, newerLibraryUses } from './child-library.js';
import { compilerOptions, docProblems, ENTRIES, exampleErrors, GENERATED_TYPES, generatedTypeProblems, publicDeclarations } from './public-docs.js';
import { ts } from './typescript.js';
import { packageRoot } from '../src/package-root.js';
import { loadSchema, schemaNames } from '../src/schema/catalog.js';

/** Prints each problem under its heading; true when there were any. */
function report(heading: string, problems: string[]): boolean {
  if (problems.length > 0) console.error(`${heading}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  return problems.length > 0;
}

const roots = [...Object.values(ENTRIES), CHILD_ENTRY].map((path) => join(packageRoot, path));
const program = ts.createProgram({ rootNames: roots, options: compilerOptions() });
const checker = program.getTypeChecker();
const declarations = publicDeclarations(program);
const undocumented = declarations.flatMap((declaration) => {
  const problems = docProblems(checker, declaration);
  return problems.length === 0 ? [] : [`${declaration.label} (${declaration.file}): ${problems.join('; ')}`];
});
const schemas = schemaNames.map((name) => loadSchema(name) as { title: string; 'x-fc-doc': string });
const child = childFiles(program);
const failed = [
  report('public API exports without a summary, an @example and an @see', undocumented),
  report("generated types without their schema's FC doc link", generatedTypeProblems(program.getSourceFile(join(packageRoot, GENERATED_TYPES))!, schemas)),
  report('public API @examples that do not type-check', exampleErrors(program, declarations)),
  report("child code using what Node.js 12 lacks (the instance runs it on each runtime's Node.js: use what ES2019 has)", newerLibraryUses(program, child)),
].some(Boolean);
if (failed) process.exitCode = 1;
else console.log(`package checks: ${declarations.length} exports documented, their @examples type-check; ${child.length} child files within ES2019`);
