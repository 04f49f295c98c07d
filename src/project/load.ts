import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { FcSimError } from '../errors.js';
import { loadFcTemplate } from './load-fc.js';
import { loadFc3Template } from './load-fc3.js';
import { loadFunTemplate } from './load-fun.js';
import type { CustomDomain, Project, ProjectFormat, ProjectProblem } from './model.js';
import { DEFAULT_ACCOUNT_ID } from '../triggers/_shared/common.js';
import { dotenvLoads, environmentWithDotenv } from './dotenv.js';
import { fillInitPlaceholders, markBarePlaceholders, quoteBarePlaceholders } from './init-template.js';
import { resolveVariables } from './variables.js';
import { applyEnvironment, chooseEnvironment } from './environments.js';
import { extendedFile } from './extend.js';
import { mergeLikeServerlessDevs } from './merge.js';

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
  const { text, bare } = quoteBarePlaceholders(readFileSync(file, 'utf8'));
  // logLevel error: yaml's warnings (a mapping used as a key) would go to stderr as a Node.js process warning.
  const parsed = parseDocument(text, { prettyErrors: true, strict: false, logLevel: 'error' });
  if (parsed.errors.length > 0) {
    const error = parsed.errors[0]!;
    const line = error.linePos?.[0]?.line;
    // A template's own file (fun init's `{{ projectName }}-service:` keys, awesome-fc/fc-express-nodejs8) is YAML
    // only once its placeholders are filled.
    const placeholder = line === undefined ? undefined : /\{\{\s*[\w-]+\s*\}\}/.exec(text.split('\n')[line - 1] ?? '')?.[0];
    throw new FcSimError(
      'E_NOT_JSON',
      `${file}:${line ?? '?'}:${error.linePos?.[0]?.col ?? '?'}: not valid YAML: ${error.message.split('\n')[0]}`,
      placeholder
        ? `${placeholder} is a template's placeholder, which fun init or s init fills: create the project from the template first, or write the value in its place`
        : 'fix the YAML at that line (indentation, a missing colon or quote)',
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
  // funcraft's own examples/package/funignore has an empty template.yml.
  if (raw === null || raw === undefined)
    throw new FcSimError('E_PROJECT', `${file}: empty: no project in it`, 'write the functions into it, or point fc-sim at the project file that has them');
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new FcSimError(
      'E_PROJECT',
      `${file}: not a project file (the top level is not a mapping)`,
      'a template.yml or s.yaml is a mapping with ROSTemplateFormatVersion, or edition and resources/services',
    );
  markBarePlaceholders(raw, bare);
  return raw as Document;
}

function formatOf(document: Document, file: string): ProjectFormat {
  if (isFunTemplate(document)) return 'fun';
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
  /** A Serverless Devs environment of the project's env.yaml, as `s --env` takes it (default: the one `s env default` set). */
  environment?: string;
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
  const own = readDocument(file);
  // Fun has no `extend:`; Serverless Devs' s.yaml does.
  const base = isFunTemplate(own) ? undefined : extendedFile(own, file, readDocument, problems);
  const filled = fillInitPlaceholders(own, root, file, problems);
  const baseFilled = base && { file: base.file, document: fillInitPlaceholders(base.document, dirname(base.file), base.file, problems) };
  // parse-spec takes `edition` from the extending file, else from its base.
  const format = formatOf(baseFilled ? mergeLikeServerlessDevs(baseFilled.document, filled) : filled, file);
  if (options.environment !== undefined && format !== 'fc3')
    throw new FcSimError(
      'E_USAGE',
      `--env ${options.environment}: ${file} is ${format === 'fun' ? 'a Fun template' : 'an edition 1.0.0 s.yaml'}; environments (env.yaml) are Serverless Devs 3.x's, for edition 3.0.0 projects`,
      'drop --env',
    );
  const merged = baseFilled ? mergeLikeServerlessDevs(baseFilled.document, filled) : filled;
  const env =
    format === 'fun'
      ? (options.env ?? process.env)
      : environmentWithDotenv(options.env ?? process.env, dotenvLoads(merged, root, format === 'fc3' ? '3.0.0' : '1.0.0'));
  /** `report`: every reference left as written (the last pass), only those that stop s (`stops`), or none. */
  const resolve = (document: Document, at: string, report: boolean | 'stops', names?: Record<string, unknown>, where = (path: string) => ({ file, path })) =>
    resolveVariables({
      document,
      env,
      root: dirname(at),
      accountId: DEFAULT_ACCOUNT_ID,
      // Fun templates have no variables of their own: a `${…}` there is left as written, with a warning, as s 2.x leaves it.
      parser: format === 'fc3' ? 's3' : 's2',
      ...(names === undefined ? {} : { names }),
      // Passes before the last report only what stops s there; the last resolves or reports the rest.
      unresolved: (reference, path, reason, stopsDeploy) => {
        if (stopsDeploy && report !== false) {
          const problem = { kind: 'variable-stops-deploy', message: `${reference}: ${reason}`, location: where(path) } as const;
          // Once: an overlay for a component is resolved for each of its resources, and what a base file (extend:)
          // cannot resolve is still there when the merged document is.
          if (!problems.some((other) => other.message === problem.message && other.location.path === problem.location.path)) problems.push(problem);
        } else if (report === true) problems.push({ kind: 'unresolved-variable', message: `${reference} left as written: ${reason}`, location: where(path) });
      },
      // One note per stand-in (an ARN template repeats config('AccountID') in every trigger), at its first place.
      note: (message, path) => {
        if (!problems.some((problem) => problem.kind === 'note' && problem.message === message))
          problems.push({ kind: 'note', message, location: { file, path } });
      },
    }) as Document;
  let document = merged;
  if (baseFilled && format === 'fc3') {
    // parse-spec doExtend: the top-level keys but resources merged (the extending file's over its base's), then the
    // base's and this file's resources each resolved with them, then this file's merged over its base's. (Edition
    // 1.0.0: the whole documents merged, as docs/en/extend.md shows it; parse-spec 3.x skips extend for 1.0.0.)
    const { resources: _baseResources, ...baseRest } = baseFilled.document;
    const { resources: _ownResources, ...ownRest } = filled;
    const rest = mergeLikeServerlessDevs(baseRest, ownRest);
    // Each file's resources are resolved alone: what one of them cannot resolve stops s, whatever the other file has.
    const inBase = (path: string) => ({ file: baseFilled.file, path });
    document = mergeLikeServerlessDevs(
      resolve({ ...baseFilled.document, ...rest }, baseFilled.file, 'stops', undefined, inBase),
      resolve({ ...filled, ...rest }, file, 'stops'),
    );
  }
  if (format === 'fc3') {
    const chosen = chooseEnvironment({ document, file, name: options.environment, extended: base !== undefined, env, read: readDocument, problems });
    if (chosen) {
      const componentName = (component: unknown) => String(resolve({ vars: document.vars, component }, file, false).component ?? '');
      // parse-spec resolves the overlays with `source`, `project` and `this` alone (`getEnvMagic`): a `${vars.*}` there
      // stops s, though the s.yaml pass after would have a value for what it leaves.
      const inEnvironment = (path: string) => ({ file: chosen.file, path: `${path} (environment ${chosen.environment.name})` });
      document = applyEnvironment(document, chosen.environment, (value, names) => resolve(value, file, 'stops', names, inEnvironment), componentName);
      if (options.environment !== undefined)
        problems.push({ kind: 'note', message: `environment ${chosen.environment.name} of ${chosen.file} applied`, location: { file, path: 'env' } });
    }
  }
  const resolved = resolve(document, file, true);
  const others = format === 'fun' ? [] : otherTemplates(file);
  if (others.length > 0 && options.template === undefined)
    problems.push({ kind: 'note', message: `read ${basename(file)}; ${others.join(', ')} beside it: pick one with -t FILE`, location: { file, path: '' } });
  const context: LoadContext = { file, root, problems };
  const loaded =
    format === 'fun' ? loadFunTemplate(resolved, context) : format === 'fc' ? loadFcTemplate(resolved, context) : loadFc3Template(resolved, context);
  return { format, file, root, functions: loaded.functions, customDomains: mergedDomains(loaded.customDomains), problems };
}

function isFunTemplate(document: Document): boolean {
  return 'ROSTemplateFormatVersion' in document || String(document.Transform ?? '').startsWith('Aliyun::Serverless');
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
