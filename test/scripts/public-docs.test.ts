/**
 * The rules `npm test` holds the public API's docs to (scripts/public-docs.ts), on small in-memory programs: the
 * sweep over the whole package needs a full type-check, so it runs beside tsc, not here.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublicDeclaration } from '../../scripts/public-docs.js';
import { docProblems, GENERATED_TYPES, generatedTypeProblems } from '../../scripts/public-docs.js';
import type { TypeScript } from '../../scripts/typescript.js';
import { ts } from '../../scripts/typescript.js';
import { packageRoot } from '../../src/package-root.js';

/** One source file as its own program (no library, no imports), and its checker. */
function programOf(path: string, code: string): { source: TypeScript.SourceFile; checker: TypeScript.TypeChecker } {
  const file = join(packageRoot, path);
  const options: TypeScript.CompilerOptions = { noLib: true, noResolve: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, language) => (name === file ? ts.createSourceFile(name, code, language, true) : undefined);
  host.fileExists = (name) => name === file;
  host.readFile = (name) => (name === file ? code : undefined);
  const program = ts.createProgram({ rootNames: [file], options, host });
  return { source: program.getSourceFile(file)!, checker: program.getTypeChecker() };
}

/** The problems docProblems finds in each top-level declaration of `code`, by name. */
function problemsIn(code: string, path = 'src/sample.ts'): Record<string, string[]> {
  const { source, checker } = programOf(path, code);
  const nodes = source.statements.flatMap((statement): TypeScript.Declaration[] => {
    if (ts.isVariableStatement(statement)) return [...statement.declarationList.declarations];
    return ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? [statement] : [];
  });
  return Object.fromEntries(
    nodes.map((node) => {
      const name = ts.getNameOfDeclaration(node)!.getText();
      const declaration: PublicDeclaration = { label: `fc-sim: ${name}`, name, file: relative(packageRoot, source.fileName), node };
      return [name, docProblems(checker, declaration)];
    }),
  );
}

const FC_LINK = 'https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-triggers';

describe('docProblems', () => {
  it('accepts a summary, an @example whose ts block uses the name, and an @see to FC docs or a README heading', () => {
    const problems = problemsIn(`
/**
 * Builds it.
 * @example
 * \`\`\`ts
 * build();
 * \`\`\`
 * @see ${FC_LINK}
 */
export function build(): void {}

/**
 * A constant.
 * @example
 * \`\`\`ts
 * const answer = limit + 1;
 * \`\`\`
 * @see README.md#property-based-contract-tests
 */
export const limit = 1;
`);
    expect(problems).toEqual({ build: [], limit: [] });
  });

  it('names what is missing: the comment, the summary, the @example, the @see', () => {
    const problems = problemsIn(`
export function bare(): void {}

/**
 * @see ${FC_LINK}
 */
export function noSummary(): void {}

/** No example, no link. */
export interface Plain { a: number }
`);
    expect(problems).toEqual({
      bare: ['no TSDoc comment'],
      noSummary: ['no summary', 'no @example'],
      Plain: ['no @example', 'no @see'],
    });
  });

  it('refuses an @example that does not use the name in a ts block, and an @see that leads nowhere', () => {
    const problems = problemsIn(`
/**
 * Runs.
 * @example
 * run();
 * @see README.md#no-such-heading
 * @see https://example.com/docs
 */
export function run(): void {}
`);
    expect(problems.run).toEqual([
      'an @example without a ```ts block that uses run',
      '@see names README.md#no-such-heading, which is no heading of README.md',
      '@see https://example.com/docs: neither an FC doc link (help.aliyun.com, alibabacloud.com) nor a README.md#section',
    ]);
  });

  it('needs no @example for a union of string literals (its members are the example), nor for a generated type', () => {
    expect(problemsIn(`/**\n * How it is called.\n * @see ${FC_LINK}\n */\nexport type Mode = 'event' | 'http';`)).toEqual({ Mode: [] });
    expect(problemsIn(`/** An OSS event. See: ${FC_LINK} */\nexport interface OssEvent { a: number }`, GENERATED_TYPES)).toEqual({ OssEvent: [] });
    expect(problemsIn('export interface OssEvent { a: number }', GENERATED_TYPES)).toEqual({ OssEvent: ['no TSDoc comment'] });
  });
});

describe('generatedTypeProblems', () => {
  it("names each schema whose generated type's comment lacks the schema's FC doc link", () => {
    const { source } = programOf(
      GENERATED_TYPES,
      `/** An OSS event. See: ${FC_LINK} */\nexport interface OssEvent { a: number }\n/** A timer event. */\nexport interface TimerEvent { b: number }\n`,
    );
    const schemas = [
      { title: 'OssEvent', 'x-fc-doc': FC_LINK },
      { title: 'TimerEvent', 'x-fc-doc': 'https://help.aliyun.com/timer' },
      { title: 'MnsEvent', 'x-fc-doc': 'https://help.aliyun.com/mns' },
    ];
    expect(generatedTypeProblems(source, schemas)).toEqual([
      `TimerEvent in ${GENERATED_TYPES} lacks "See: https://help.aliyun.com/timer"`,
      `MnsEvent in ${GENERATED_TYPES} lacks "See: https://help.aliyun.com/mns"`,
    ]);
  });
});
