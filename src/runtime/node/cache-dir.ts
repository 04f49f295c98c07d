import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where fc-sim keeps what it downloads (Node.js binaries, FC's preinstalled modules): `$FC_SIM_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/fc-sim`, else `~/.cache/fc-sim`. One folder per machine, shared by every project and run.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FC_SIM_CACHE_DIR) return env.FC_SIM_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'fc-sim');
  return join(homedir(), '.cache', 'fc-sim');
}

/** The npm registry downloads come from: `$FC_SIM_NPM_REGISTRY`, else npm's own setting when npm runs fc-sim, else npmjs.org. */
export function registryUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.FC_SIM_NPM_REGISTRY || env.npm_config_registry || 'https://registry.npmjs.org/';
  return url.endsWith('/') ? url : `${url}/`;
}
