import { existsSync } from 'node:fs';
import type { RuntimeName } from '../runtimes.js';
import { provisionBuiltinModules } from './builtin-modules.js';
import { cachedNodePath, provisionNode } from './node-binary.js';
import { nodeVersionOf } from './node-versions.js';

/**
 * What one runtime runs on this machine, as `fc-sim runtimes list` shows it.
 *
 * @example
 * ```ts
 * const status: RuntimeStatus = runtimeStatus('nodejs16');
 * if (status.source === 'missing') await installRuntime('nodejs16');
 * ```
 * @see README.md#nodejs-versions
 */
export interface RuntimeStatus {
  runtime: RuntimeName;
  /** `v16.15.1` */
  node: string;
  /** `host`: this process's own Node.js; `cached`: downloaded; `missing`: downloaded at first use. */
  source: 'host' | 'cached' | 'missing';
  /** The binary, when there is one. */
  path?: string;
}

export function runtimeStatus(runtime: RuntimeName, env: NodeJS.ProcessEnv = process.env): RuntimeStatus {
  const version = nodeVersionOf(runtime);
  if (version === process.versions.node) return { runtime, node: `v${version}`, source: 'host', path: process.execPath };
  const path = cachedNodePath(version, env);
  return existsSync(path) ? { runtime, node: `v${version}`, source: 'cached', path } : { runtime, node: `v${version}`, source: 'missing' };
}

/**
 * Downloads a runtime's Node.js and FC's preinstalled modules into the cache now rather than at first use (for CI
 * caches); throws `NodeUnavailable` when the registry cannot be reached or the platform has no binaries.
 */
export async function installRuntime(
  runtime: RuntimeName,
  options: { env?: NodeJS.ProcessEnv; progress?: (line: string) => void } = {},
): Promise<RuntimeStatus> {
  const version = nodeVersionOf(runtime);
  if (version !== process.versions.node) await provisionNode(version, options);
  await provisionBuiltinModules(runtime, options);
  return runtimeStatus(runtime, options.env);
}
