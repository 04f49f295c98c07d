import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';
import type { LoadContext } from './load.js';
import type { CustomRuntimeConfig, NasMount, ProjectFunction } from './model.js';
import { listSetting, numberSetting, stringOrUndefined } from './values.js';
import { isCustomRuntime } from '../runtime/runtimes.js';

/** FC's CAPort when a custom runtime names none (runtime.md §5: devsapp/fc3 `baseLocal.ts getCaPort`, FC's docs). */
export const DEFAULT_CA_PORT = 9000;

/** `auto` NAS: where the fc component mounts the file system it creates (devsapp/fc docs `nasConfig: auto`: /mnt/auto). */
const AUTO_MOUNT_DIR = '/mnt/auto';

type InstanceSettings = Pick<ProjectFunction, 'customRuntimeConfig' | 'instanceConcurrency' | 'layers' | 'nasMounts'>;

/** The spellings of one format: fc3 and fc 2.x camelCase, Fun PascalCase. */
interface Spelling {
  customRuntimeConfig: string;
  command: string;
  args: string;
  /** Where the port is: inside customRuntimeConfig (fc3), or the function's `caPort` / `CAPort` (fc 2.x, Fun). */
  port: { inConfig: string } | { onFunction: string };
  instanceConcurrency: string;
  layers: string;
  nasConfig: string;
  mountPoints: string;
  serverAddr: string;
  /** fc 2.x writes `fcDir` (with `nasDir` on the server); fc3 and Fun `mountDir` / `MountDir`. */
  mountDir: string;
}

const SPELLINGS: Record<'fc3' | 'fc' | 'fun', Spelling> = {
  fc3: {
    customRuntimeConfig: 'customRuntimeConfig',
    command: 'command',
    args: 'args',
    port: { inConfig: 'port' },
    instanceConcurrency: 'instanceConcurrency',
    layers: 'layers',
    nasConfig: 'nasConfig',
    mountPoints: 'mountPoints',
    serverAddr: 'serverAddr',
    mountDir: 'mountDir',
  },
  fc: {
    customRuntimeConfig: 'customRuntimeConfig',
    command: 'command',
    args: 'args',
    port: { onFunction: 'caPort' },
    instanceConcurrency: 'instanceConcurrency',
    layers: 'layers',
    nasConfig: 'nasConfig',
    mountPoints: 'mountPoints',
    serverAddr: 'serverAddr',
    mountDir: 'fcDir',
  },
  fun: {
    customRuntimeConfig: 'CustomRuntimeConfig',
    command: 'Command',
    args: 'Args',
    port: { onFunction: 'CAPort' },
    instanceConcurrency: 'InstanceConcurrency',
    layers: 'Layers',
    nasConfig: 'NasConfig',
    mountPoints: 'MountPoints',
    serverAddr: 'ServerAddr',
    mountDir: 'MountDir',
  },
};

const strings = (value: unknown, where: { file: string; path: string }): string[] =>
  value === undefined || value === null ? [] : typeof value === 'string' ? [value] : listSetting(value, where).map(String);

/** FC mounts NAS at `/mnt/auto` for `auto` (either case), else at each mount point's own path. */
function nasMountsOf(nas: unknown, spelling: Spelling, where: { file: string; path: string }): NasMount[] | undefined {
  if (nas === undefined || nas === null) return undefined;
  if (typeof nas === 'string' && nas.toLowerCase() === 'auto') return [{ mountDir: AUTO_MOUNT_DIR }];
  const points = listSetting(objectIn(nas as Json)[spelling.mountPoints], { ...where, path: `${where.path}.${spelling.mountPoints}` });
  const mounts = points.flatMap((point) => {
    if (!isObject(point)) return [];
    const mountDir = stringOrUndefined(point[spelling.mountDir]);
    if (!mountDir) return [];
    const serverAddr = stringOrUndefined(point[spelling.serverAddr]);
    return [
      { mountDir, ...(serverAddr ? { serverAddr: spelling === SPELLINGS.fc && point.nasDir ? `${serverAddr}${String(point.nasDir)}` : serverAddr } : {}) },
    ];
  });
  return mounts.length > 0 ? mounts : undefined;
}

/**
 * What a function's instances are started with beyond the handler: a custom runtime's command, args and port,
 * instance concurrency, layers and NAS mounts, from the function's (and for NAS its service's) properties, in the
 * format's spelling. `path` is where the function's properties are; `servicePath` its service's.
 */
export function instanceSettings(
  format: 'fc3' | 'fc' | 'fun',
  fn: Json,
  service: Json,
  at: { path: string; servicePath: string },
  context: LoadContext,
): InstanceSettings {
  const spelling = SPELLINGS[format];
  const where = (path: string) => ({ file: context.file, path });
  const settings: InstanceSettings = {};
  const runtime = String(fn[format === 'fun' ? 'Runtime' : 'runtime'] ?? '');
  const custom = objectIn(fn[spelling.customRuntimeConfig]);
  if (isCustomRuntime(runtime) || isObject(fn[spelling.customRuntimeConfig])) {
    const configPath = `${at.path}.${spelling.customRuntimeConfig}`;
    const port =
      'inConfig' in spelling.port
        ? numberSetting(custom[spelling.port.inConfig], where(`${configPath}.${spelling.port.inConfig}`))
        : numberSetting(fn[spelling.port.onFunction], where(`${at.path}.${spelling.port.onFunction}`));
    const config: CustomRuntimeConfig = {
      command: strings(custom[spelling.command], where(`${configPath}.${spelling.command}`)),
      args: strings(custom[spelling.args], where(`${configPath}.${spelling.args}`)),
      port: port ?? DEFAULT_CA_PORT,
    };
    settings.customRuntimeConfig = config;
  }
  const concurrency = numberSetting(fn[spelling.instanceConcurrency], where(`${at.path}.${spelling.instanceConcurrency}`));
  if (concurrency !== undefined) settings.instanceConcurrency = concurrency;
  const layers = strings(fn[spelling.layers], where(`${at.path}.${spelling.layers}`));
  if (layers.length > 0) settings.layers = layers;
  // FC 3.0 configures NAS on the function, FC 2.0 on its service.
  const nasOwner = format === 'fc3' ? fn : service;
  const nasPath = `${format === 'fc3' ? at.path : at.servicePath}.${spelling.nasConfig}`;
  const nasMounts = nasMountsOf(nasOwner[spelling.nasConfig], spelling, where(nasPath));
  if (nasMounts) settings.nasMounts = nasMounts;
  return settings;
}
