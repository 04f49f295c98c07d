import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { FcSimError } from '../errors.js';
import { loadFcTemplate } from './load-fc.js';
import { loadFc3Template } from './load-fc3.js';
import { loadFunTemplate } from './load-fun.js';
import type { Project, ProjectFormat, ProjectProblem } from './model.js';
import { resolveVariables } from './variables.js';

/**
 * The project files fc-sim looks for in a folder, in this order.
 *
 * @example
 * ```ts
 * import { existsSync } from 'node:fs';
 * import { PROJECT_FILES } from 'fc-sim';
 *
 * const projectFile = PROJECT_FILES.find((file) => existsSync(file)); // s.yaml before template.yml
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export const PROJECT_FILES = ['s.yaml', 's.yml', 'template.yml', 'template.yaml'] as const;

export type Document = Record<string, unknown>;

/** What a format loader gets: the document with its variables resolved, and where to report problems. */
export interface LoadContext {
  file: string;
  root: string;
  problems: ProjectProblem[];
}

function findProjectFile(given: string, cwd: string): string {
  const path = resolve(cwd, given);
  if (!existsSync(path))
    throw new FcSimError('E_FILE_NOT_FOUND', `${given}: no such file or folder`, `pass a folder with ${PROJECT_FILES.join(' or ')}, or the file itself`);
  if (!statSync(path).isDirectory()) return path;
  const found = PROJECT_FILES.map((name) => join(path, name)).find((file) => existsSync(file));
  if (!found)
    throw new FcSimError(
      'E_FILE_NOT_FOUND',
      `no project file in ${path}`,
      `fc-sim reads ${PROJECT_FILES.join(', ')} (Serverless Devs or Fun); pass --project FILE`,
    );
  return found;
}

function formatOf(document: Document, file: string): ProjectFormat {
  if ('ROSTemplateFormatVersion' in document || String(document.Transform ?? '').startsWith('Aliyun::Serverless')) return 'fun';
  if (String(document.edition ?? '').startsWith('3')) return 'fc3';
  if ('services' in document) return 'fc';
  throw new FcSimError(
    'E_PROJECT',
    `${file}: not a project file fc-sim knows`,
    'expected a Fun template.yml (Transform: Aliyun::Serverless-2018-04-03), or an s.yaml with edition 1.0.0 (services, component fc) or 3.0.0 (resources, component fc3)',
  );
}

/** Where a project is read from: relative paths against `cwd`, `${env.X}` from `env` (default: the process's). */
export interface LoadProjectOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads a project from a folder (its s.yaml or template.yml) or a file, into one model whatever the tool.
 *
 * @example
 * ```ts
 * const project = loadProject('.', { env: { ...process.env, STAGE: 'test' } });
 * for (const fn of project.functions) console.log(fn.name, fn.runtime, fn.triggers.map((trigger) => trigger.type).join(', '));
 * for (const problem of project.problems) console.warn(`${problem.location.file} ${problem.location.path}: ${problem.message}`);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function loadProject(path = '.', options: LoadProjectOptions = {}): Project {
  const file = findProjectFile(path, options.cwd ?? process.cwd());
  const text = readFileSync(file, 'utf8');
  const parsed = parseDocument(text, { prettyErrors: true, strict: false });
  if (parsed.errors.length > 0) {
    const error = parsed.errors[0]!;
    throw new FcSimError(
      'E_NOT_JSON',
      `${file}:${error.linePos?.[0]?.line ?? '?'}:${error.linePos?.[0]?.col ?? '?'}: not valid YAML: ${error.message.split('\n')[0]}`,
      undefined,
      { cause: error },
    );
  }
  // Fun templates may use ROS tags (!Ref, !GetAtt…): kept as their values, which is all fc-sim needs.
  const raw = parsed.toJS({ maxAliasCount: 100 }) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new FcSimError('E_PROJECT', `${file}: not a project file (the top level is not a mapping)`);
  const document = raw as Document;
  const format = formatOf(document, file);
  const problems: ProjectProblem[] = [];
  const resolved = resolveVariables(document, {
    vars: (document.vars as Record<string, unknown> | undefined) ?? {},
    env: options.env ?? process.env,
    unresolved: (reference, at) => problems.push({ message: `${reference} cannot be resolved locally; left as written`, location: { file, path: at } }),
  }) as Document;
  const context: LoadContext = { file, root: dirname(file), problems };
  const loaded =
    format === 'fun' ? loadFunTemplate(resolved, context) : format === 'fc' ? loadFcTemplate(resolved, context) : loadFc3Template(resolved, context);
  return { format, file, root: context.root, ...loaded, problems };
}

export function projectName(project: Project): string {
  return basename(project.root);
}
