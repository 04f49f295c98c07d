import { FcSimError } from '../errors.js';
import { onPlatform } from '../project/function-runtime.js';
import { loadProject } from '../project/load.js';
import type { ProjectFunction } from '../project/model.js';
import { folderPairs, localFolders, projectFunctionConfig, projectInstance } from '../project/project-instance.js';
import { findFunction } from '../project/select.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import type { InvokeOptions } from '../runtime/instance.js';
import type { Instance } from '../runtime/invoke.js';
import { buildKind, deliveryOfKind, findKind, isHttpTriggerType } from '../triggers/basics.js';
import { deliver } from '../triggers/delivery.js';
import type { FunctionFlags } from './function-options.js';
import { functionConfigFrom, platformFlag } from './function-options.js';
import type { CommandIo } from './io.js';

/** Flags that would replace what the project says the function is: refused with --function, naming the flag. */
const PROJECT_OWNED: ReadonlyArray<[keyof FunctionFlags, string]> = [
  ['handler', '--handler'],
  ['codeDir', '--code-dir'],
  ['config', '--config'],
];

function namedFunction(flags: FunctionFlags, io: CommandIo): { project: ReturnType<typeof loadProject>; fn: ProjectFunction } {
  const project = onPlatform(
    loadProject(flags.functionProject ?? '.', {
      cwd: io.cwd,
      env: io.env,
      ...(flags.template === undefined ? {} : { template: flags.template }),
      ...(flags.environment === undefined ? {} : { environment: flags.environment }),
    }),
    platformFlag(flags),
  );
  return { project, fn: findFunction(project, flags.function!) };
}

/** The platform of the `--function` the flags name: what an HTTP kind builds its request for. */
export function namedFunctionPlatform(flags: FunctionFlags, io: CommandIo): FunctionConfig['platform'] {
  return namedFunction(flags, io).fn.platform;
}

/**
 * What `fc-sim invoke <function>` sends when no --event is given: for a function with an HTTP trigger, `GET /` as its
 * platform calls it (an FC 3.0 HTTP event, an FC 2.0 request); for any other, `{}` (as `sam local invoke` does).
 */
export function defaultEventOf(flags: FunctionFlags, io: CommandIo): { bytes: Buffer; http?: InvokeOptions['http']; description: string } {
  const { fn } = namedFunction(flags, io);
  if (!fn.triggers.some((trigger) => isHttpTriggerType(trigger.type))) return { bytes: Buffer.from('{}'), description: '{}' };
  const kind = findKind('http:get')!;
  const fc2 = (platformFlag(flags) ?? fn.platform) === 'fc2';
  const { bytes, options } = deliver(buildKind(kind, { path: '/' }, { fc2 }), deliveryOfKind(kind, { fc2 }));
  return { bytes, ...(options.http ? { http: options.http } : {}), description: `GET / (its HTTP trigger's ${fc2 ? 'FC 2.0 request' : 'FC 3.0 event'})` };
}

/**
 * `--function <name>` (and `fc-sim invoke <function>`): the project function, its settings as the project file sets
 * them, under the flags and FC_SIM_* variables that change a setting (`--timeout`, `--memory`, `--env` on top of its
 * environment, …), its layers and NAS mounts on local folders (`--layer`, `--nas`, the project's fc-sim.json).
 */
export function projectFunctionFrom(
  flags: FunctionFlags,
  io: CommandIo,
): { fn: ProjectFunction; config: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>; instance: () => Instance } {
  for (const [key, flag] of PROJECT_OWNED) {
    if (flags[key] !== undefined)
      throw new FcSimError(
        'E_USAGE',
        `${flag}: not with --function ${flags.function}: the project file says what the function is`,
        `drop ${flag}, or drop --function and describe the function with flags`,
      );
  }
  const { project, fn } = namedFunction(flags, io);
  const folders = localFolders(project, { layers: folderPairs('--layer', flags.layer), nas: folderPairs('--nas', flags.nas) }, io.cwd);
  const warn = (message: string) => void io.stderr.write(`fc-sim: warning: ${message}\n`);
  const base = projectFunctionConfig(fn, {}, folders, warn);
  // The flags and FC_SIM_* over the project's settings; --env adds to its environment.
  const { codeDir: _cwd, ...changed } = functionConfigFrom({ ...flags, handler: base.handler }, io);
  const overrides: Partial<FunctionConfig> = { ...changed, environment: { ...base.environment, ...flags.env } };
  const config = { ...base, ...overrides };
  return { fn, config, instance: () => projectInstance(fn, overrides, folders) };
}
