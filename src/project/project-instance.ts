import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import { CustomRuntimeProcess } from '../runtime/custom-runtime-process.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import { FunctionInstance } from '../runtime/instance.js';
import type { Instance } from '../runtime/invoke.js';
import type { FcNodeFolder } from '../runtime/node/fc-node-folders.js';
import { imageNodeFolders, officialLayerNode } from '../runtime/node/fc-node-folders.js';
import type { ProjectRuntimeConfig } from './function-runtime.js';
import { runtimeConfigOf } from './function-runtime.js';
import type { Project, ProjectFunction } from './model.js';
import { functionLabel } from './select.js';
import { isCustomRuntime } from '../runtime/runtimes.js';

/**
 * What stands in locally for what FC mounts into an instance: a folder per layer ARN, a folder per NAS mount path.
 * From `--layer <arn>=<dir>` and `--nas <mountDir>=<dir>`, over the project's `fc-sim.json` (`{"layers": {…}, "nas": {…}}`
 * beside the project file, folders relative to it).
 *
 * @example
 * ```ts
 * const folders: LocalFolders = { layers: { 'acs:fc:cn-hangzhou:123:layers/sharp/versions/1': './layers/sharp' }, nas: { '/mnt/auto': './nas' } };
 * ```
 * @see README.md#layers-and-nas
 */
export interface LocalFolders {
  layers: Record<string, string>;
  nas: Record<string, string>;
}

/** The project's file of local folders, beside the project file. */
export const LOCAL_FOLDERS_FILE = 'fc-sim.json';

function folder(where: string, dir: string, base: string): string {
  const path = resolve(base, dir);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new FcSimError('E_FILE_NOT_FOUND', `${where}: ${dir} is not a folder`, `create it, or map ${where} to another folder`);
  return path;
}

/** `NAME=dir` pairs of a repeatable flag (`--layer arn=dir`), split at the last `=` (an ARN holds none, a path may not either). */
export function folderPairs(flag: string, values: readonly string[] | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1)
      throw new FcSimError(
        'E_USAGE',
        `${flag}: expected <name>=<dir>, got ${JSON.stringify(value)}`,
        `e.g. ${flag} ${flag === '--nas' ? '/mnt/auto=./nas' : 'acs:fc:cn-hangzhou:123:layers/sharp/versions/1=./layers/sharp'}`,
      );
    pairs[value.slice(0, at)] = value.slice(at + 1);
  }
  return pairs;
}

/** The project's `fc-sim.json` folders (relative to it) under the flags' (relative to the working folder), all checked to exist. */
export function localFolders(project: Project, flags: { layers?: Record<string, string>; nas?: Record<string, string> }, cwd: string): LocalFolders {
  const file = join(dirname(project.file), LOCAL_FOLDERS_FILE);
  const result: LocalFolders = { layers: {}, nas: {} };
  if (existsSync(file)) {
    let parsed: { layers?: unknown; nas?: unknown };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as typeof parsed;
    } catch (error) {
      throw new FcSimError(
        'E_NOT_JSON',
        `${file}: not JSON: ${(error as Error).message}`,
        'e.g. {"layers": {"<arn>": "./layers/x"}, "nas": {"/mnt/auto": "./nas"}}',
      );
    }
    for (const key of ['layers', 'nas'] as const) {
      const entries = parsed[key] ?? {};
      if (typeof entries !== 'object' || entries === null || Array.isArray(entries))
        throw new FcSimError('E_PROJECT', `${file} ${key}: expected an object of name → folder`);
      for (const [name, dir] of Object.entries(entries)) {
        if (typeof dir !== 'string') throw new FcSimError('E_PROJECT', `${file} ${key}.${name}: expected a folder path, got ${JSON.stringify(dir)}`);
        result[key][name] = folder(`${file} ${key}.${name}`, dir, dirname(file));
      }
    }
  }
  for (const [name, dir] of Object.entries(flags.layers ?? {})) result.layers[name] = folder(`--layer ${name}`, dir, cwd);
  for (const [name, dir] of Object.entries(flags.nas ?? {})) result.nas[name] = folder(`--nas ${name}`, dir, cwd);
  return result;
}

/**
 * The layers' folders of a function, in its order; a layer with no folder is a warning (FC has its files, fc-sim
 * does not: a require of its modules fails here), except an official Node.js layer of a custom runtime, which
 * fc-sim provides ({@link fcNodeFolders}).
 */
function layerDirs(fn: ProjectFunction, folders: LocalFolders, warn: (message: string) => void): string[] {
  return (fn.layers ?? []).flatMap((arn) => {
    const dir = folders.layers[arn];
    if (!dir && !(isCustomRuntime(fn.runtime) && officialLayerNode(arn)))
      warn(`${functionLabel(fn)}: layer ${arn} has no local folder: its files are missing here (--layer ${arn}=<dir>, or "layers" in ${LOCAL_FOLDERS_FILE})`);
    return dir ? [dir] : [];
  });
}

/**
 * The Node.js folders a custom runtime's instance has in FC: its image's (custom.debian10's /var/fc/lang/nodejs20),
 * and its official Node.js layers' (`acs:fc:…:official:layers/Nodejs16/versions/1`) that have no local folder. Its
 * server runs on the Node.js they name, as in FC, not on this machine's.
 */
function fcNodeFolders(fn: ProjectFunction, folders: LocalFolders): FcNodeFolder[] {
  if (!isCustomRuntime(fn.runtime)) return [];
  const layers = (fn.layers ?? []).flatMap((arn) => {
    const layer = officialLayerNode(arn);
    return layer && !folders.layers[arn] ? [layer] : [];
  });
  return [...imageNodeFolders(fn.runtime), ...layers];
}

/**
 * NAS as the function sees it here: fc-sim cannot create `/mnt/…`, so an environment variable whose value is a mount
 * path (or under one) points at the mount's local folder instead; a path written into the code stays FC's and is
 * not found. Each mount without a folder, and each rewrite, is said once.
 */
function nasEnvironment(
  fn: ProjectFunction,
  environment: Record<string, string>,
  folders: LocalFolders,
  warn: (message: string) => void,
): Record<string, string> {
  const mounts = fn.nasMounts ?? [];
  const result = { ...environment };
  for (const { mountDir } of mounts) {
    const dir = folders.nas[mountDir];
    if (!dir) {
      warn(
        `${functionLabel(fn)}: NAS ${mountDir} is not mounted here (--nas ${mountDir}=<dir>, or "nas" in ${LOCAL_FOLDERS_FILE}); fc-sim cannot create ${mountDir}`,
      );
      continue;
    }
    for (const [name, value] of Object.entries(result)) {
      if (value === mountDir || value.startsWith(`${mountDir}/`)) result[name] = dir + value.slice(mountDir.length);
    }
    warn(`${functionLabel(fn)}: NAS ${mountDir} is ${dir} here: environment variables naming ${mountDir} point there; paths written in the code do not`);
  }
  return result;
}

/** Whether a runtime is one of FC's custom runtimes (`custom`, `custom.debian10`, …), whose server fc-sim starts. */

/**
 * The instance a project function runs in locally, with its settings (`runtimeConfigOf`) under `overrides` (flags),
 * its layers and NAS mounts mapped to local folders: a Node.js runtime in its own process, a custom runtime's
 * declared server started in the code folder. A custom container, or a language fc-sim does not run, is an E_CONFIG
 * error saying what to do instead.
 *
 * @example
 * ```ts
 * const project = loadProject('.');
 * const instance = projectInstance(findFunction(project, 'api'), {}, { layers: {}, nas: {} });
 * await instance.invoke(Buffer.from('{}'));
 * await instance.dispose();
 * ```
 * @see README.md#functions-by-name
 */
export function projectInstance(
  fn: ProjectFunction,
  overrides: Partial<FunctionConfig>,
  folders: LocalFolders,
  warn: (message: string) => void = () => undefined,
): Instance {
  const config = projectFunctionConfig(fn, overrides, folders, warn);
  if (isCustomRuntime(fn.runtime) && fn.customRuntimeConfig) {
    const { command, args, port } = fn.customRuntimeConfig;
    return new CustomRuntimeProcess({
      config,
      command,
      args,
      port,
      extraPath: (config.layerDirs ?? []).map((dir) => join(dir, 'bin')),
      optDirs: [...(config.layerDirs ?? [])].reverse(),
      nodeFolders: fcNodeFolders(fn, folders),
      image: fn.runtime,
      ...(fn.instanceConcurrency === undefined ? {} : { concurrency: fn.instanceConcurrency }),
    });
  }
  return new FunctionInstance(config);
}

/**
 * The configuration a project function's instance gets: its project settings, then `overrides`, layers and NAS as
 * {@link projectInstance} maps them. Errors for functions fc-sim cannot run locally.
 */
export function projectFunctionConfig(
  fn: ProjectFunction,
  overrides: Partial<FunctionConfig>,
  folders: LocalFolders,
  warn: (message: string) => void = () => undefined,
): ProjectRuntimeConfig {
  if (fn.runtime === 'custom-container') {
    throw new FcSimError(
      'E_CONFIG',
      `${functionLabel(fn)}: a custom container runs its image, which fc-sim does not build or run`,
      'start the container yourself (docker run -p 9000:9000 <image>) and send it the events: --target custom-runtime --url http://127.0.0.1:9000',
    );
  }
  // A custom runtime's server reads no Node.js runtime: the settings are the function's, the runtime field unused.
  const base = runtimeConfigOf(isCustomRuntime(fn.runtime) ? { ...fn, runtime: 'nodejs20' } : fn);
  if (!base) {
    throw new FcSimError(
      'E_CONFIG',
      `${functionLabel(fn)}: runtime ${fn.runtime} is not one fc-sim runs`,
      'fc-sim runs nodejs12–nodejs20 and custom runtimes (custom, custom.debian10, …)',
    );
  }
  const environment = nasEnvironment(fn, { ...base.environment, ...overrides.environment }, folders, warn);
  const layers = layerDirs(fn, folders, warn);
  return { ...base, ...overrides, environment, ...(layers.length > 0 ? { layerDirs: layers } : {}) };
}
