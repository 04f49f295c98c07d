import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { FcSimError } from '../errors.js';
import { loadFcTemplate } from './load-fc.js';
import { loadFc3Template } from './load-fc3.js';
import { loadFunTemplate } from './load-fun.js';
import type { CustomDomain, Project, ProjectFormat, ProjectProblem } from './model.js';
import { DEFAULT_ACCOUNT_ID } from '../triggers/_shared/common.js';
import { environmentWithDotenv } from './dotenv.js';
import { fillInitPlaceholders } from './init-template.js';
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

function findProjectFile(given: string, cwd: string, template: string | undefined): string {
  const path = resolve(cwd, given);
  if (!existsSync(path))
    throw new FcSimError('E_FILE_NOT_FOUND', `${given}: no such file or folder`, `pass a folder with ${PROJECT_FILES.join(' or ')}, or the file itself`);
  if (!statSync(path).isDirectory()) return path;
  if (template !== undefined) {
    // `s -t s-prod.yaml`: the file is found from the project folder.
    const file = resolve(path, template);
    if (!existsSync(file))
      throw new FcSimError('E_FILE_NOT_FOUND', `--template ${template}: no such file in ${path}`, 'name the project file, e.g. -t s_en.yaml');
    return file;
  }
  const found = PROJECT_FILES.map((name) => join(path, name)).find((file) => existsSync(file));
  if (!found)
    throw new FcSimError(
      'E_FILE_NOT_FOUND',
      `no project file in ${path}`,
      `fc-sim reads ${PROJECT_FILES.join(', ')} (Serverless Devs or Fun); pass --project FILE or -t FILE`,
    );
  return found;
}

/** Other Serverless Devs files beside the one read (`s_en.yaml`, `s-prod.yaml`): `-t` picks one of them. */
function otherTemplates(file: string): string[] {
  const folder = dirname(file);
  return readdirSync(folder).filter((name) => /^s[-_.][\w.-]*\.ya?ml$|^s\.ya?ml$/.test(name) && join(folder, name) !== file);
}

/** YAML that parses to more aliases than this is an alias bomb, not a project (yaml's own default is 100). */
const MAX_ALIASES = 100;

function readDocument(file: string): Document {
  const parsed = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true, strict: false });
  if (parsed.errors.length > 0) {
    const error = parsed.errors[0]!;
    throw new FcSimError(
      'E_NOT_JSON',
      `${file}:${error.linePos?.[0]?.line ?? '?'}:${error.linePos?.[0]?.col ?? '?'}: not valid YAML: ${error.message.split('\n')[0]}`,
      'fix the YAML at that line (indentation, a missing colon or quote)',
      { cause: error },
    );
  }
  let raw: unknown;
  try {
    // Fun templates may use ROS tags (!Ref, !GetAtt…): kept as their values, which is all fc-sim needs.
    raw = parsed.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new FcSimError(
      'E_PROJECT',
      `${file}: ${(error as Error).message}`,
      `a project file expands to more than ${MAX_ALIASES} YAML aliases only when it is built to exhaust memory: write the values out`,
      { cause: error },
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new FcSimError(
      'E_PROJECT',
      `${file}: not a project file (the top level is not a mapping)`,
      'a template.yml or s.yaml is a mapping with ROSTemplateFormatVersion, or edition and resources/services',
    );
  return raw as Document;
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

/** Where a project is read from: relative paths against `cwd`, `${env(X)}` from `env` (default: the process's). */
export interface LoadProjectOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The project file inside the folder, as `s -t` takes it (default: the first of {@link PROJECT_FILES}). */
  template?: string;
}

/** The code folders whose `.env` `s` loads before the project file's own (fc3 resources with a `code` string). */
function codeFolders(document: Document, root: string): string[] {
  const resources = document.resources;
  if (typeof resources !== 'object' || resources === null) return [];
  return Object.values(resources).flatMap((resource) => {
    const code = (resource as { props?: { code?: unknown } } | null)?.props?.code;
    return typeof code === 'string' && !code.includes('${') ? [resolve(root, code)] : [];
  });
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
  const file = findProjectFile(path, options.cwd ?? process.cwd(), options.template);
  const root = dirname(file);
  const problems: ProjectProblem[] = [];
  const document = fillInitPlaceholders(readDocument(file), root, file, problems);
  const format = formatOf(document, file);
  const env = format === 'fun' ? (options.env ?? process.env) : environmentWithDotenv(options.env ?? process.env, [...codeFolders(document, root), root]);
  const resolved = resolveVariables({
    document,
    env,
    root,
    accountId: DEFAULT_ACCOUNT_ID,
    unresolved: (reference, at, reason) =>
      problems.push({ kind: 'unresolved-variable', message: `${reference} left as written: ${reason}`, location: { file, path: at } }),
    // One note per stand-in (an ARN template repeats config('AccountID') in every trigger), at its first place.
    note: (message, at) => {
      if (!problems.some((problem) => problem.kind === 'note' && problem.message === message))
        problems.push({ kind: 'note', message, location: { file, path: at } });
    },
  }) as Document;
  const others = format === 'fun' ? [] : otherTemplates(file);
  if (others.length > 0 && options.template === undefined)
    problems.push({ kind: 'note', message: `read ${basename(file)}; ${others.join(', ')} beside it: pick one with -t FILE`, location: { file, path: '' } });
  const context: LoadContext = { file, root, problems };
  const loaded =
    format === 'fun' ? loadFunTemplate(resolved, context) : format === 'fc' ? loadFcTemplate(resolved, context) : loadFc3Template(resolved, context);
  return { format, file, root, functions: loaded.functions, customDomains: mergedDomains(loaded.customDomains), problems };
}

/** Resources that each name the same domain deploy routes onto one domain: served and listed as one. */
function mergedDomains(domains: readonly CustomDomain[]): CustomDomain[] {
  const byName = new Map<string, CustomDomain>();
  for (const domain of domains) {
    const known = byName.get(domain.domainName);
    if (known && domain.domainName !== 'auto') known.routes.push(...domain.routes);
    else byName.set(domain.domainName === 'auto' ? `auto ${byName.size}` : domain.domainName, { ...domain, routes: [...domain.routes] });
  }
  return [...byName.values()];
}

export function projectName(project: Project): string {
  return basename(project.root);
}
