/**
 * The instance's child process runs on each runtime's own Node.js, down to 12, whose JavaScript library is ES2019:
 * `[].at()` or `'x'.replaceAll()` there is a TypeError at a user's cold start, though tsc passes it under the
 * package's ES2023 library. This finds, in the program `npm test` already type-checks for the docs
 * (scripts/package-checks.ts), every value the child code uses that only a newer library declares. Its types are
 * free to come from anywhere: they are erased. `npm run build` compiles the child against ES2019 itself
 * (tsconfig.child.json), which also holds it to CommonJS.
 */
import { dirname, join, relative } from 'node:path';
import type { TypeScript } from './typescript.js';
import { ts } from './typescript.js';
import { packageRoot } from '../src/package-root.js';

/** What the child build starts from (tsconfig.child.json's `include`). */
export const CHILD_ENTRY = 'src/runtime/child/bootstrap.ts';

/**
 * Library files past ES2019, by name (`lib.es2022.array.d.ts`), except what tsconfig.child.json adds: ES2022.Error
 * (`new Error(message, { cause })`, which older Node.js ignores rather than throws on).
 */
const NEWER_LIBRARY = /^lib\.(?:es20[2-9]\d|esnext)(?:\.\w+)*\.d\.ts$/;
const ALLOWED_LIBRARY = new Set(['lib.es2022.error.d.ts']);

/** The child's files: the entry and every relative import it reaches (beyond those it imports only Node's built-ins). */
export function childFiles(program: TypeScript.Program, entry = join(packageRoot, CHILD_ENTRY)): TypeScript.SourceFile[] {
  const found = new Map<string, TypeScript.SourceFile>();
  const visit = (file: string) => {
    const source = program.getSourceFile(file);
    if (!source || found.has(file)) return;
    found.set(file, source);
    for (const { fileName } of ts.preProcessFile(source.text, true, true).importedFiles)
      if (fileName.startsWith('.')) visit(join(dirname(file), fileName.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return [...found.values()];
}

/** The newer library file that alone declares this symbol, if that is where all its declarations are. */
function newerLibraryOf(program: TypeScript.Program, symbol: TypeScript.Symbol): string | undefined {
  const files = (symbol.declarations ?? []).map((declaration) => declaration.getSourceFile());
  if (files.length === 0 || !files.every((file) => program.isSourceFileDefaultLibrary(file))) return undefined;
  const names = files.map((file) => file.fileName.split('/').pop()!);
  return names.every((name) => NEWER_LIBRARY.test(name) && !ALLOWED_LIBRARY.has(name)) ? names[0] : undefined;
}

/** Whether this identifier names a type (a type annotation, an interface's heritage): erased, never run. */
function inTypePosition(node: TypeScript.Node): boolean {
  for (let at: TypeScript.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    // `class A extends B` runs B; `implements` and an interface's `extends` name types.
    if (ts.isHeritageClause(at.parent) && ts.isExpressionWithTypeArguments(at))
      return at.parent.token === ts.SyntaxKind.ImplementsKeyword || !ts.isClassLike(at.parent.parent);
    if (ts.isTypeNode(at) || ts.isInterfaceDeclaration(at) || ts.isTypeAliasDeclaration(at) || ts.isImportDeclaration(at)) return true;
  }
  return false;
}

/**
 * Each use, in `files`, of a value only a library newer than ES2019 declares: `src/runtime/x.ts:12: at
 * (lib.es2022.array.d.ts)`.
 */
export function newerLibraryUses(program: TypeScript.Program, files: readonly TypeScript.SourceFile[]): string[] {
  const checker = program.getTypeChecker();
  const uses: string[] = [];
  for (const source of files) {
    const visit = (node: TypeScript.Node) => {
      if (ts.isIdentifier(node) && !inTypePosition(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const library = symbol && newerLibraryOf(program, symbol);
        if (library) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          uses.push(`${relative(packageRoot, source.fileName)}:${line + 1}: ${node.text} (${library})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
