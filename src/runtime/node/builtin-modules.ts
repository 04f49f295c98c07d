import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeName } from '../runtimes.js';
import { installAtomically } from './atomic-install.js';
import { cacheDir, registryUrl } from './cache-dir.js';
import { NodeUnavailable } from './node-binary.js';
import { oncePerProcess } from './once-per-process.js';

/**
 * The modules FC installs globally in its Node.js images (`npm install --global`, so each keeps its own
 * dependencies) and puts on NODE_PATH (`/usr/local/lib/node_modules`): aliyun/fc-docker @d3f748b,
 * `nodejs{12,14,16}/base/Dockerfile`. nodejs12 also has `@alicloud/fc@1.2.3` and `opencv@7.0.0`; opencv is a native
 * addon that does not build on current toolchains, so fc-sim leaves it out. FC publishes no list for nodejs18/20:
 * they get nodejs16's (the images' `NODE_PATH` and the docs' "built-in modules" are the same across runtimes).
 */
const FC_GLOBAL_MODULES = [
  'co@4.6.0',
  'gm@1.23.0',
  'ali-oss@6.6.0',
  'aliyun-sdk@1.12.3',
  'tablestore@5.0.7',
  '@alicloud/fc2@2.2.0',
  'body@5.1.0',
  'raw-body@2.4.1',
  'ali-mns@2.6.8',
  '@alicloud/pop-core@1.7.9',
  '@alicloud/fnf-2019-03-15@1.1.0',
];

/** nodejs12's image has one more (fc-docker `nodejs12/base/Dockerfile`); installed as a set of its own beside the rest. */
const NODEJS12_EXTRA_MODULES = ['@alicloud/fc@1.2.3'];

/** Each runtime's preinstalled modules, as sets that share a cache folder between runtimes with the same set. */
const MODULE_SETS: Readonly<Record<RuntimeName, readonly (readonly string[])[]>> = {
  nodejs12: [FC_GLOBAL_MODULES, NODEJS12_EXTRA_MODULES],
  nodejs14: [FC_GLOBAL_MODULES],
  nodejs16: [FC_GLOBAL_MODULES],
  nodejs18: [FC_GLOBAL_MODULES],
  nodejs20: [FC_GLOBAL_MODULES],
};

/**
 * The modules FC preinstalls for each runtime (`name@version`).
 *
 * @example
 * ```ts
 * BUILTIN_MODULES.nodejs16.includes('raw-body@2.4.1'); // true
 * ```
 * @see https://github.com/aliyun/fc-docker/blob/master/nodejs16/base/Dockerfile
 */
export const BUILTIN_MODULES: Readonly<Record<RuntimeName, readonly string[]>> = {
  nodejs12: MODULE_SETS.nodejs12.flat(),
  nodejs14: MODULE_SETS.nodejs14.flat(),
  nodejs16: MODULE_SETS.nodejs16.flat(),
  nodejs18: MODULE_SETS.nodejs18.flat(),
  nodejs20: MODULE_SETS.nodejs20.flat(),
};

/** `@alicloud/fc2@2.2.0` → `@alicloud/fc2`. */
export const moduleName = (spec: string): string => spec.slice(0, spec.lastIndexOf('@'));

/** The runtime's preinstalled module named by a require() specifier (`raw-body`, `ali-oss/lib/x`), if it is one. */
export function builtinModuleOf(runtime: RuntimeName, specifier: string): string | undefined {
  return BUILTIN_MODULES[runtime].find((spec) => specifier === moduleName(spec) || specifier.startsWith(`${moduleName(spec)}/`));
}

/** The cache folder of one set of modules, named by their hash: runtimes with the same set share it, a changed set installs afresh. */
function modulesPrefix(set: readonly string[], env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256').update(set.join('\n')).digest('hex').slice(0, 12);
  return join(cacheDir(env), 'modules', `fc-${hash}`);
}

/** npm --global --prefix puts modules in `<prefix>/lib/node_modules`, or `<prefix>/node_modules` on Windows. */
const globalFolder = (prefix: string) => join(prefix, ...(process.platform === 'win32' ? [] : ['lib']), 'node_modules');

function npmInstall(prefix: string, specs: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = [
    'install',
    '--global',
    '--prefix',
    prefix,
    '--registry',
    registryUrl(env),
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    '--fetch-retries=0',
    ...specs,
  ];
  return new Promise((resolve, reject) => {
    const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let errors = '';
    npm.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    npm.on('error', (error) => reject(new NodeUnavailable('unsupported', `cannot run npm: ${error.message}`)));
    npm.on('exit', (code) => {
      if (code === 0) resolve();
      // npm says ECONNREFUSED, ENOTFOUND, ETIMEDOUT… when the registry cannot be reached.
      else if (/E(CONNREFUSED|NOTFOUND|AI_AGAIN|TIMEDOUT|CONNRESET)|network/i.test(errors))
        reject(new NodeUnavailable('offline', `npm install: ${errors.trim().split('\n')[0] ?? `exit ${code}`}`));
      else reject(new Error(`fc-sim: npm install of FC's preinstalled modules failed (exit ${code}):\n${errors.trim()}`));
    });
  });
}

/**
 * The folders holding the runtime's preinstalled modules (for NODE_PATH), installed on first use from the npm
 * registry into the cache, with one progress line each. Throws {@link NodeUnavailable} when the registry cannot be
 * reached.
 */
export async function provisionBuiltinModules(
  runtime: RuntimeName,
  options: { env?: NodeJS.ProcessEnv; progress?: (line: string) => void } = {},
): Promise<string[]> {
  const env = options.env ?? process.env;
  const folders: string[] = [];
  for (const set of MODULE_SETS[runtime]) {
    const prefix = modulesPrefix(set, env);
    if (!existsSync(prefix)) {
      await oncePerProcess(prefix, () => {
        options.progress?.(
          `fc-sim: installing FC's preinstalled modules (${set.length} packages: ${set.slice(0, 3).map(moduleName).join(', ')}, …) into ${prefix} …`,
        );
        return installAtomically(prefix, (folder) => npmInstall(folder, set, env));
      });
    }
    folders.push(globalFolder(prefix));
  }
  return folders;
}
