import { FcSimError } from '../errors.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import { FunctionInstance } from '../runtime/instance.js';
import type { Instance } from '../runtime/invoke.js';
import type { FunctionFlags } from './function-options.js';
import { functionConfigFrom } from './function-options.js';
import { projectFunctionFrom } from './project-target.js';
import type { CommandIo } from './io.js';
import { remoteTargetFrom } from './remote-target.js';
import { hasTarget, refuseRemoteFlags } from './target-options.js';

export { remoteTargetFrom };

const usage = (message: string, hint?: string) => new FcSimError('E_USAGE', message, hint);

/** A local instance of the handler, or the remote target the flags name. */
export function createTarget(flags: FunctionFlags, io: CommandIo, eventDefaults: Partial<FunctionConfig> = {}): Instance {
  if (flags.function !== undefined && hasTarget(flags))
    throw usage(`--function runs the project's function locally; ${flags.url ? '--url' : '--target'} sends the events to a deployed one: choose one`);
  if (hasTarget(flags)) return remoteTargetFrom(flags, io, eventDefaults);
  refuseRemoteFlags(flags);
  if (flags.function !== undefined) return projectFunctionFrom(flags, io).instance();
  return new FunctionInstance(functionConfigFrom(flags, io, eventDefaults));
}
