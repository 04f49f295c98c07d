import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { FcSimError } from '../errors.js';
import { isMapping, mergeLikeServerlessDevs } from './merge.js';
import type { ProjectProblem } from './model.js';

/** One entry of env.yaml's `environments:` (`s env init` writes name, project, access, type, infraStack, overlays). */
export type Environment = Record<string, unknown> & { name: string };

/** What choosing an environment needs to know about the project. */
export interface EnvironmentQuery {
  /** The s.yaml (after `extend:`), its `env:` and `name` read. */
  document: Record<string, unknown>;
  file: string;
  /** `--env <name>`; undefined: the default `s env default` set, if any. */
  name: string | undefined;
  /** Whether the s.yaml uses `extend:` (parse-spec refuses both together). */
  extended: boolean;
  env: NodeJS.ProcessEnv;
  read: (file: string) => Record<string, unknown>;
  problems: ProjectProblem[];
}

/**
 * The environment a command runs with, as Serverless-Devs/toolkit parse-spec `doEnvironment` picks it (edition 3.0.0
 * only): the file is the s.yaml's `env:` or `env.yaml` beside it (`ENVIRONMENT_KEY`, `ENVIRONMENT_FILE_NAME`), the
 * entry of its `environments:` whose `name` is `--env`'s; without `--env`, the default `s env default` recorded for the
 * project (`<home>/.s/cache/default-env.json`, project = `ALIYUN_DEVS_REMOTE_PROJECT_NAME` or the s.yaml's `name`).
 * `extend:` with `--env` (or with `env:` and no `--env`) is refused, as parse-spec refuses it.
 * Where `s` warns and runs without an environment (env.yaml missing, `--env` naming no environment), fc-sim stops
 * with an error: testing the base configuration when a user asked for `--env prod` would look like prod passed.
 * A default that no longer matches is only warned about, as `s` does, since the user did not ask for it here.
 */
export function chooseEnvironment(query: EnvironmentQuery): { environment: Environment; file: string } | undefined {
  const { document, file, name, extended } = query;
  if (extended && (name !== undefined || 'env' in document))
    throw new FcSimError(
      'E_PROJECT',
      `${file}: extend: and ${name === undefined ? 'env:' : `--env ${name}`} together (Serverless Devs: "Environment and extend is conflict")`,
      'use one: an env.yaml environment, or a yaml that extends another',
    );
  if (name === undefined) return defaultEnvironment(query);
  const envFile = environmentFile(document, file);
  if (!existsSync(envFile))
    throw new FcSimError(
      'E_FILE_NOT_FOUND',
      `--env ${name}: no ${envFile} (the environments file${typeof document.env === 'string' ? ` ${file}'s env: names` : ' beside the project file'})`,
      'create it with `s env init`, or drop --env',
    );
  const environments = environmentsIn(query.read(envFile), envFile);
  const environment = environments.find((entry) => entry.name === name);
  if (!environment)
    throw new FcSimError(
      'E_USAGE',
      `--env ${name}: ${envFile} has no such environment (it has ${environments.map((entry) => entry.name).join(', ') || 'none'})`,
      'pass one of those names, or add it with `s env init`',
    );
  return { environment, file: envFile };
}

function environmentFile(document: Record<string, unknown>, file: string): string {
  const named = typeof document.env === 'string' && document.env !== '' ? document.env : 'env.yaml';
  return isAbsolute(named) ? named : join(dirname(file), named);
}

function environmentsIn(content: Record<string, unknown>, envFile: string): Environment[] {
  const list = content.environments;
  if (!Array.isArray(list))
    throw new FcSimError('E_PROJECT', `${envFile}: environments: expected a list of environments`, 'env.yaml holds environments: [- name: dev …]');
  return list.flatMap((entry, index) => {
    if (!isMapping(entry) || typeof entry.name !== 'string')
      throw new FcSimError('E_PROJECT', `${envFile}: environments[${index}]: expected a mapping with a name`, 'each environment has name: <text>');
    return [entry as Environment];
  });
}

/** `<home>/.s`, or the workspace `~/.s/config/s.json` names (@serverless-devs/utils `getRootHome`). */
function serverlessDevsHome(env: NodeJS.ProcessEnv): string {
  const userHome = env.serverless_devs_config_home || homedir();
  const home = join(userHome, '.s');
  try {
    const workspace = (JSON.parse(readFileSync(join(home, 'config', 's.json'), 'utf8')) as { workspace?: unknown }).workspace;
    if (typeof workspace === 'string' && workspace !== '') return workspace.replace(/~/, userHome);
  } catch {
    // No s.json, or not JSON: `s` uses ~/.s then, as here.
  }
  return home;
}

function defaultEnvironment(query: EnvironmentQuery): { environment: Environment; file: string } | undefined {
  const defaults = join(serverlessDevsHome(query.env), 'cache', 'default-env.json');
  if (!existsSync(defaults)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(defaults, 'utf8'));
  } catch {
    return undefined;
  }
  const project = query.env.ALIYUN_DEVS_REMOTE_PROJECT_NAME || query.document.name;
  if (typeof project !== 'string' || project === '') return undefined;
  const entry = Array.isArray(entries) ? entries.find((item) => isMapping(item) && item.project === project) : undefined;
  const name = isMapping(entry) && typeof entry.default === 'string' && entry.default !== '' ? entry.default : undefined;
  if (name === undefined) return undefined;
  const at = { file: query.file, path: 'env' };
  const envFile = environmentFile(query.document, query.file);
  if (!existsSync(envFile)) {
    query.problems.push({
      kind: 'unknown-part',
      message: `default environment ${name} (${defaults}): no ${envFile}; read without an environment, as s does`,
      location: at,
    });
    return undefined;
  }
  const environment = environmentsIn(query.read(envFile), envFile).find((item) => item.name === name);
  if (!environment) {
    query.problems.push({
      kind: 'unknown-part',
      message: `default environment ${name} (${defaults}) is not in ${envFile}; read without an environment, as s does`,
      location: at,
    });
    return undefined;
  }
  query.problems.push({
    kind: 'note',
    message: `environment ${name} of ${envFile}: the default \`s env default\` set (${defaults}); --env <name> picks another`,
    location: at,
  });
  return { environment, file: envFile };
}

/** Resolves `${…}` in a value with extra names and without reporting what stays as written (the document pass does). */
export type QuietResolve = (value: Record<string, unknown>, names: Record<string, unknown>) => Record<string, unknown>;

/**
 * The s.yaml with an environment applied, as parse-spec `ParseContent.getSteps` does for each resource: its props are
 * the `extend.name` template (less `extend.ignore`) under its own props ("source"), under
 * `overlays.components.<its component>`, under `overlays.resources.<its name>`, under `infraStack.region` as `region`
 * (later wins, extend2 merge). The overlays are resolved first with `${source.*}` (the resource's props), `${project}`
 * and `${this.*}` (the environment: its name, access, region…, less infrastructure and overlays); what they leave is
 * resolved with the rest of the document. The environment's `access` replaces the s.yaml's (`getAccess`). Its
 * top-level `region` is not applied to props: parse-spec writes it under `overlays.resources.region`, which only a
 * resource named "region" would read; `infraStack.region` is the one `s env init` writes and applies.
 */
export function applyEnvironment(
  document: Record<string, unknown>,
  environment: Environment,
  resolveQuietly: QuietResolve,
  componentOf: (component: unknown) => string,
): Record<string, unknown> {
  const project = document.name;
  const { infrastructure: _infrastructure, overlays, ...described } = environment;
  const thisEnvironment = { ...described, project };
  const templates = isMapping(document.template) ? document.template : {};
  const resources = Object.fromEntries(
    Object.entries(isMapping(document.resources) ? document.resources : {}).map(([name, entry]) => {
      if (!isMapping(entry)) return [name, entry];
      const { extend, ...rest } = entry;
      const component = componentOf(entry.component);
      const template = isMapping(extend) && isMapping(templates[String(extend.name)]) ? (templates[String(extend.name)] as Record<string, unknown>) : {};
      const ignored = isMapping(extend) && Array.isArray(extend.ignore) ? extend.ignore.map(String) : [];
      const source = mergeLikeServerlessDevs(Object.fromEntries(Object.entries(template).filter(([key]) => !ignored.includes(key))), entry.props);
      const picked = (group: unknown, key: string) => (isMapping(group) && Object.hasOwn(group, key) ? { [key]: group[key] } : {});
      const filtered = {
        ...environment,
        overlays: isMapping(overlays) ? { components: picked(overlays.components, component), resources: picked(overlays.resources, name) } : {},
      };
      const resolved = resolveQuietly(filtered, { source, project, this: thisEnvironment });
      const layers = isMapping(resolved.overlays) ? resolved.overlays : {};
      const region = isMapping(resolved.infraStack) ? resolved.infraStack.region : undefined;
      const props = mergeLikeServerlessDevs(
        source,
        isMapping(layers.components) ? layers.components[component] : undefined,
        isMapping(layers.resources) ? layers.resources[name] : undefined,
        region === undefined ? undefined : { region },
      );
      return [name, { ...rest, props }];
    }),
  );
  return { ...document, ...(environment.access === undefined ? {} : { access: environment.access }), resources };
}
