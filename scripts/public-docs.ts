/**
 * Checks of the public API's docs, run by `npm test` after vitest (scripts/package-checks.ts): every export
 * of the package's entries (fc-sim, fc-sim/testing, fc-sim/generators) is documented where users read it, in their
 * editor: a TSDoc summary, an `@example` whose code type-checks against the public API, and an `@see` naming the FC
 * documentation it follows (or, for what only fc-sim has, the README section that explains it). Both need the whole
 * program, a full type-check of the package (seconds), so they run beside tsc, not in the vitest loop; the rules
 * themselves are tested there on small programs (test/scripts/public-docs.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TypeScript } from './typescript.js';
import { ts } from './typescript.js';
import { packageRoot } from '../src/package-root.js';

export const ENTRIES = { 'fc-sim': 'src/index.ts', 'fc-sim/testing': 'src/testing/index.ts', 'fc-sim/generators': 'generators/index.ts' };

/**
 * Generated from schemas/ by json-schema-to-typescript, which turns each schema's description (ending "See: <FC doc>")
 * into the type's comment: the example and the doc link live in the schema (`examples`, `x-fc-doc`), which
 * test/schema/catalog.test.ts checks. These need a summary only; an edit here would be lost on `npm run gen:types`.
 */
export const GENERATED_TYPES = 'src/types/generated.ts';

/** Where `@see` may point: Alibaba Cloud's help center, or a section of the package's README. */
const FC_DOC = /https:\/\/(?:help\.aliyun\.com|(?:www\.)?alibabacloud\.com)\/\S+/;
const README_SECTION = /\bREADME\.md#([\w-]+)/;

const DOCUMENTED_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.EnumDeclaration,
]);

export interface PublicDeclaration {
  /** `fc-sim/testing: checkHandler`, as a failure names it. */
  readonly label: string;
  readonly name: string;
  readonly file: string;
  readonly node: TypeScript.Declaration;
}

interface DocComment {
  readonly summary: string;
  readonly tags: ReadonlyMap<string, readonly string[]>;
}

/** The comment's text without `/**`, `*\/` and the `*` margin, split into the summary and its block tags (not inside code fences). */
function parseDoc(doc: TypeScript.JSDoc): DocComment {
  const lines = doc
    .getText()
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const tags = new Map<string, string[]>();
  let summary = '';
  let current: { tag: string; text: string[] } | undefined;
  let inFence = false;
  const close = () => {
    if (current) tags.set(current.tag, [...(tags.get(current.tag) ?? []), current.text.join('\n').trim()]);
  };
  for (const line of lines) {
    const tag = inFence ? undefined : /^@(\w+)\s?(.*)$/.exec(line);
    if (tag) {
      close();
      current = { tag: tag[1]!, text: [tag[2]!] };
    } else if (current) current.text.push(line);
    else summary += `${line}\n`;
    if (/^\s*```/.test(line)) inFence = !inFence;
  }
  close();
  return { summary: summary.trim(), tags };
}

/** The TSDoc comment right above a declaration (for a `const`, above its statement). */
export function docOf(node: TypeScript.Declaration): DocComment | undefined {
  const doc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  return doc && parseDoc(doc);
}

/** The code of a fenced block in an `@example`. */
function exampleCode(example: string): string | undefined {
  return /```(?:ts|typescript)\n([\s\S]*?)```/.exec(example)?.[1];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

const readmeAnchors = new Set([...readFileSync(join(packageRoot, 'README.md'), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));

/** A plain union of string literals (`'event' | 'fc3-http'`): its members are its example. */
function isStringUnion(checker: TypeScript.TypeChecker, node: TypeScript.Declaration): boolean {
  if (!ts.isTypeAliasDeclaration(node)) return false;
  const type = checker.getTypeAtLocation(node.name);
  const members = type.isUnion() ? type.types : [type];
  return members.every((member) => member.isStringLiteral());
}

export function compilerOptions(): TypeScript.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageRoot, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('cannot read tsconfig.json');
  return config.options;
}

export function publicDeclarations(program: TypeScript.Program): PublicDeclaration[] {
  const checker = program.getTypeChecker();
  const seen = new Set<TypeScript.Declaration>();
  const found: PublicDeclaration[] = [];
  for (const [entry, path] of Object.entries(ENTRIES)) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(packageRoot, path))!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter((node) => DOCUMENTED_KINDS.has(node.kind));
      // Overloads carry the docs users see; the implementation's signature is not public.
      const overloads = declarations.filter((node) => ts.isFunctionDeclaration(node) && !node.body);
      for (const node of overloads.length > 0 ? overloads : declarations) {
        if (seen.has(node)) continue;
        seen.add(node);
        found.push({ label: `${entry}: ${exported.name}`, name: exported.name, file: relative(packageRoot, node.getSourceFile().fileName), node });
      }
    }
  }
  return found;
}

/** What a declaration's comment lacks, or its `@see` gets wrong; empty when it is complete. */
export function docProblems(checker: TypeScript.TypeChecker, declaration: PublicDeclaration): string[] {
  const doc = docOf(declaration.node);
  if (!doc) return ['no TSDoc comment'];
  const problems: string[] = [];
  if (!doc.summary) problems.push('no summary');
  if (declaration.file === GENERATED_TYPES) return problems;
  const examples = doc.tags.get('example') ?? [];
  if (!isStringUnion(checker, declaration.node)) {
    if (examples.length === 0) problems.push('no @example');
    else if (!examples.every((example) => exampleCode(example)?.includes(declaration.name)))
      problems.push(`an @example without a \`\`\`ts block that uses ${declaration.name}`);
  }
  const sees = doc.tags.get('see') ?? [];
  if (sees.length === 0) problems.push('no @see');
  for (const see of sees) {
    const section = README_SECTION.exec(see)?.[1];
    if (section !== undefined && !readmeAnchors.has(section)) problems.push(`@see names README.md#${section}, which is no heading of README.md`);
    else if (section === undefined && !FC_DOC.test(see))
      problems.push(`@see ${see}: neither an FC doc link (help.aliyun.com, alibabacloud.com) nor a README.md#section`);
  }
  return problems;
}

/**
 * The generated types (one per schema) whose comment lacks the schema's FC doc link: what exempts them from
 * `@example` and `@see` is that json-schema-to-typescript carries the schema's description over.
 */
export function generatedTypeProblems(generated: TypeScript.SourceFile, schemas: readonly { title: string; 'x-fc-doc': string }[]): string[] {
  return schemas.flatMap((schema) => {
    const declaration = generated.statements.find(
      (statement): statement is TypeScript.InterfaceDeclaration | TypeScript.TypeAliasDeclaration =>
        (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === schema.title,
    );
    const summary = declaration && docOf(declaration)?.summary;
    return summary?.includes(`See: ${schema['x-fc-doc']}`) ? [] : [`${schema.title} in ${GENERATED_TYPES} lacks "See: ${schema['x-fc-doc']}"`];
  });
}

/**
 * Each example as a module of its own: what it imports, or else every public name of the three entries, fast-check's
 * `fc`, vitest's test functions and `readFileSync`, so that an example can be short and still has to use the real
 * signatures.
 */
export function exampleModules(
  declarations: PublicDeclaration[],
  exportedNames: Map<string, string[]>,
): Map<string, { label: string; code: string; preludeLines: number }> {
  const prelude = [
    ...[...exportedNames].map(([entry, names]) => `import { ${names.join(', ')} } from '${entry}';`),
    `import { readFileSync } from 'node:fs';`,
    `import fc from 'fast-check';`,
    `import { afterAll, describe, expect, test } from 'vitest';`,
  ];
  const modules = new Map<string, { label: string; code: string; preludeLines: number }>();
  for (const declaration of declarations) {
    const examples = docOf(declaration.node)?.tags.get('example') ?? [];
    for (const example of examples) {
      const code = exampleCode(example);
      if (code === undefined) continue;
      const ownImports = /^import\s/m.test(code);
      const file = join(packageRoot, 'test', '.doc-examples', `example-${modules.size}.mts`);
      modules.set(file, {
        label: declaration.label,
        code: `${(ownImports ? '' : `${prelude.join('\n')}\n`) + code}\nexport {};\n`,
        preludeLines: ownImports ? 0 : prelude.length,
      });
    }
  }
  return modules;
}

/**
 * The type errors of every @example, each as a module against the public API (what {@link exampleModules} builds):
 * a whole type-check of the package, so `npm test` runs it as a static check beside tsc (scripts/package-checks.ts)
 * rather than in the vitest loop.
 */
export function exampleErrors(program: TypeScript.Program, declarations: PublicDeclaration[]): string[] {
  const checker = program.getTypeChecker();
  const exportedNames = new Map<string, string[]>();
  const imported = new Set<string>();
  for (const [entry, path] of Object.entries(ENTRIES)) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(packageRoot, path))!)!;
    const names = checker
      .getExportsOfModule(module)
      .map((symbol) => symbol.name)
      .filter((name) => !imported.has(name));
    for (const name of names) imported.add(name);
    exportedNames.set(entry, names);
  }
  const modules = exampleModules(declarations, exportedNames);
  if (modules.size === 0) return ['no @example found in the public API'];

  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => modules.has(file) || fileExists.call(host, file);
  host.readFile = (file) => modules.get(file)?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const module = modules.get(file);
    return module ? ts.createSourceFile(file, module.code, language) : getSourceFile.call(host, file, language, ...rest);
  };
  const examples = ts.createProgram({ rootNames: [...modules.keys()], options, host, oldProgram: program });
  const errors = [...modules].flatMap(([file, module]) => {
    const source = examples.getSourceFile(file);
    return [...examples.getSyntacticDiagnostics(source), ...examples.getSemanticDiagnostics(source)].map((diagnostic) => {
      const line = diagnostic.start === undefined ? 0 : diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line - module.preludeLines + 1;
      return `${module.label}, @example line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
  });
  return errors;
}
