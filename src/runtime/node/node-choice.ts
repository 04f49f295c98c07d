import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { RuntimeName } from '../runtimes.js';
import { BUILTIN_MODULES, moduleName, provisionBuiltinModules } from './builtin-modules.js';
import { NodeUnavailable, provisionNode } from './node-binary.js';
import { FcSimError } from '../../errors.js';
import { majorOf, nodeVersionOf } from './node-versions.js';
import { takeNotices } from './notices.js';

/** How an instance's process is started: which Node.js, and the preinstalled modules' folder for NODE_PATH. */
export interface NodeChoice {
  execPath: string;
  /** `v16.15.1` */
  version: string;
  /** FC's preinstalled modules (undefined when turned off or not available). */
  builtinModules?: string[];
  /** What differs from FC on this machine; each is said once per process. */
  warnings: string[];
}

/** What decides the Node.js of a function: its runtime, a binary the user named, the preinstalled modules. */
export interface NodeRequest {
  runtime: RuntimeName;
  /** A Node.js binary to run instead of the runtime's (`--node`, `nodePath`). */
  nodePath?: string;
  /** FC's preinstalled modules on NODE_PATH (default true; `--no-builtin-modules` turns them off). */
  builtinModules?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Where progress lines go (default: stderr). */
  progress?: (line: string) => void;
}

const versionOfBinary = new Map<string, string>();

/** `node -v` of a binary the user named, once per path and process. */
function binaryVersion(path: string, origin: string): string {
  const known = versionOfBinary.get(path);
  if (known) return known;
  if (!existsSync(path))
    throw new FcSimError('E_USAGE', `${origin}: no such file: ${path}`, 'name a Node.js binary, e.g. --node ~/.nvm/versions/node/v16.15.1/bin/node');
  const run = spawnSync(path, ['-v'], { encoding: 'utf8', timeout: 10_000 });
  const version = run.stdout?.trim() ?? '';
  if (run.status !== 0 || !/^v\d+\./.test(version))
    throw new FcSimError('E_USAGE', `${origin}: ${path} is not a Node.js binary (\`${path} -v\` printed "${version}")`);
  versionOfBinary.set(path, version);
  return version;
}

const said = new Set<string>();

/** Warnings not yet said in this process (a run says each difference once, however many instances it starts). */
function once(warnings: string[]): string[] {
  const fresh = warnings.filter((warning) => !said.has(warning));
  for (const warning of fresh) said.add(warning);
  return fresh;
}

/** What code written for the host's newer Node.js meets on an older one, for the warning that names the difference. */
function differences(wanted: number, actual: number): string {
  if (actual <= wanted) return `Node ${actual} lacks APIs Node ${wanted} has`;
  const newer = [
    ...(wanted < 15 ? ['`??=`', 'Promise.any', 'String.prototype.replaceAll'] : []),
    ...(wanted < 18 ? ['global fetch', 'structuredClone', 'Array.prototype.findLast'] : []),
    ...(wanted < 20 ? ['Array.prototype.toSorted', 'require() of ES modules'] : []),
  ];
  return `code using ${newer.slice(0, 4).join(', ') || `Node ${actual}'s newer APIs`} works here and fails in FC`;
}

async function hostFallback(request: NodeRequest, wanted: string, reason: NodeUnavailable): Promise<NodeChoice> {
  const host = process.version;
  const warning =
    majorOf(host) === majorOf(wanted)
      ? []
      : [
          `${request.runtime} runs on Node.js v${wanted} in FC, but here on this machine's ${host} (${reason.message}): ${differences(majorOf(wanted), majorOf(host))}. ` +
            `Run \`fc-sim runtimes install ${request.runtime}\` when the npm registry can be reached, or pass --node <a Node ${majorOf(wanted)} binary>.`,
        ];
  return { execPath: process.execPath, version: host, warnings: warning };
}

/**
 * The Node.js a function's instance runs on: `nodePath`, else `FC_SIM_NODE_<major>`, else the runtime's own
 * version (node-versions.ts), downloaded into the cache on first use; offline or on a platform without
 * binaries, the host's Node with one warning that names the difference. FC's preinstalled modules come the same way.
 */
export async function chooseNode(request: NodeRequest): Promise<NodeChoice> {
  const env = request.env ?? process.env;
  const progress = request.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const wanted = nodeVersionOf(request.runtime);
  const major = majorOf(wanted);
  const named = request.nodePath
    ? { path: request.nodePath, origin: '--node' }
    : env[`FC_SIM_NODE_${major}`]
      ? { path: env[`FC_SIM_NODE_${major}`]!, origin: `FC_SIM_NODE_${major}` }
      : undefined;
  let choice: NodeChoice;
  let offline: NodeUnavailable | undefined;
  if (named) {
    const version = binaryVersion(named.path, named.origin);
    const warnings =
      majorOf(version) === major
        ? []
        : [`${request.runtime} runs on Node.js v${wanted} in FC, but ${named.origin} names ${version}: ${differences(major, majorOf(version))}.`];
    choice = { execPath: named.path, version, warnings };
  } else if (wanted === process.versions.node) {
    choice = { execPath: process.execPath, version: process.version, warnings: [] };
  } else {
    try {
      const execPath = await provisionNode(wanted, { env, progress });
      choice = { execPath, version: `v${wanted}`, warnings: [] };
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      choice = await hostFallback(request, wanted, error);
      offline = error.reason === 'offline' ? error : undefined;
    }
  }
  if (request.builtinModules !== false) {
    try {
      // The registry just refused the binary: npm would only wait on it again.
      if (offline) throw offline;
      choice = { ...choice, builtinModules: await provisionBuiltinModules(request.runtime, { env, progress }) };
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      const names = BUILTIN_MODULES[request.runtime].slice(0, 4).map(moduleName).join(', ');
      choice.warnings.push(
        `FC's preinstalled modules (${names}, …) are not available here (${error.message}): a handler that requires them without bundling them fails here and works in FC.`,
      );
    }
  }
  return { ...choice, warnings: once([...takeNotices(), ...choice.warnings]) };
}
