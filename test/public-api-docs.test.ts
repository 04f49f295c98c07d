/**
 * Every export of the package's entries (fc-sim, fc-sim/testing, fc-sim/generators) is documented where users read
 * it, in their editor: a TSDoc summary, an `@example` whose code type-checks against the public API, and an `@see`
 * naming the FC documentation it follows (or, for what only fc-sim has, the README section that explains it).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';
import { loadSchema, schemaNames } from '../src/schema/catalog.js';

const ENTRIES = { 'fc-sim': 'src/index.ts', 'fc-sim/testing': 'src/testing/index.ts', 'fc-sim/generators': 'generators/index.ts' };

/**
 * Generated from schemas/ by json-schema-to-typescript, which turns each schema's description (ending "See: <FC doc>")
 * into the type's comment: the example and the doc link live in the schema (`examples`, `x-fc-doc`), which
 * test/schema/catalog.test.ts checks. These need a summary only; an edit here would be lost on `npm run gen:types`.
 */
const GENERATED_TYPES = 'src/types/generated.ts';

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

interface PublicDeclaration {
  /** `fc-sim/testing: checkHandler`, as a failure names it. */
  readonly label: string;
  readonly name: string;
  readonly file: string;
  readonly node: ts.Declaration;
}

interface DocComment {
  readonly summary: string;
  readonly tags: ReadonlyMap<string, readonly string[]>;
}

/** The comment's text without `/**`, `*\/` and the `*` margin, split into the summary and its block tags (not inside code fences). */
function parseDoc(doc: ts.JSDoc): DocComment {
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
function docOf(node: ts.Declaration): DocComment | undefined {
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
function isStringUnion(checker: ts.TypeChecker, node: ts.Declaration): boolean {
  if (!ts.isTypeAliasDeclaration(node)) return false;
  const type = checker.getTypeAtLocation(node.name);
  const members = type.isUnion() ? type.types : [type];
  return members.every((member) => member.isStringLiteral());
}

function compilerOptions(): ts.CompilerOptions {
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

function publicDeclarations(program: ts.Program): PublicDeclaration[] {
  const checker = program.getTypeChecker();
  const seen = new Set<ts.Declaration>();
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
function docProblems(checker: ts.TypeChecker, declaration: PublicDeclaration): string[] {
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
 * Each example as a module of its own: what it imports, or else every public name of the three entries, fast-check's
 * `fc`, vitest's test functions and `readFileSync`, so that an example can be short and still has to use the real
 * signatures.
 */
function exampleModules(
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

describe('public API docs', () => {
  let program: ts.Program;
  let declarations: PublicDeclaration[];

  // Parsing and binding the whole package takes seconds, many more on a loaded 2-core machine.
  beforeAll(() => {
    program = ts.createProgram({ rootNames: Object.values(ENTRIES).map((path) => join(packageRoot, path)), options: compilerOptions() });
    declarations = publicDeclarations(program);
  }, 120_000);

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
        (statement): statement is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
          (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === schema.title,
      );
      const summary = declaration && docOf(declaration)?.summary;
      return summary?.includes(`See: ${schema['x-fc-doc']}`) ? [] : [`${name}: ${schema.title} in ${GENERATED_TYPES} lacks "See: ${schema['x-fc-doc']}"`];
    });
    expect(undocumented).toEqual([]);
  });

  it('has examples that type-check against the public API', () => {
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
    expect(modules.size).toBeGreaterThan(0);

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
    expect(errors).toEqual([]);
  }, 120_000);
});
