import { delimiter } from 'node:path';
import type { FcErrorBody } from '../fc-errors.js';
import type { RuntimeName } from '../runtimes.js';
import { BUILTIN_MODULES, builtinModuleOf } from './builtin-modules.js';
import type { NodeChoice } from './node-choice.js';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'Etc/GMT', 'GMT']);

/** Whether a process started without `TZ` runs in UTC on this machine (this process's zone, unless TZ sets it). */
export const systemZoneIsUtc = process.env.TZ === undefined && UTC_ZONES.has(Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * What the instance's environment gets from the Node.js choice and the machine: NODE_PATH as FC's images set it
 * (the preinstalled modules' folder; FC's `/opt` layer folders do not exist here), and `TZ` only where this
 * machine's zone is not UTC: FC sets no TZ, its instances simply run in UTC (runtime.md, Corrections 4).
 */
export function launchEnvironment(node: NodeChoice): Record<string, string> {
  return {
    ...(systemZoneIsUtc ? {} : { TZ: 'UTC' }),
    ...(node.builtinModules ? { NODE_PATH: node.builtinModules.join(delimiter) } : {}),
  };
}

/**
 * What to tell the user when a handler fails because a module FC preinstalls is missing here (only when fc-sim
 * does not provide it: `--no-builtin-modules`, or it could not install them).
 */
export function builtinModuleHint(error: FcErrorBody | undefined, runtime: RuntimeName, node: NodeChoice | undefined): string | undefined {
  const specifier = error && /Cannot find (?:module|package) '([^']+)'/.exec(error.errorMessage)?.[1];
  const spec = specifier === undefined ? undefined : builtinModuleOf(runtime, specifier);
  if (!spec || node?.builtinModules) return undefined;
  const name = spec.slice(0, spec.lastIndexOf('@'));
  return (
    `'${name}' is one of FC's preinstalled modules: FC's ${runtime} runtime provides ${spec} on NODE_PATH, so this require works in FC. ` +
    `fc-sim provides them too (${BUILTIN_MODULES[runtime].length} packages, cached) unless --no-builtin-modules (builtinModules: false) turns them off; ` +
    `when they could not be installed, \`fc-sim runtimes install ${runtime}\` installs them. To bundle it with the code instead: npm install ${spec} in the code folder.`
  );
}
