import type { FunctionConfig } from '../runtime/function-config.js';
import { isRuntimeName } from '../runtime/runtimes.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../triggers/_shared/common.js';
import type { ProjectFunction } from './model.js';

/** What a project function's instances start with; FC's defaults (`functionConfig`) fill the rest. */
export type ProjectRuntimeConfig = Partial<FunctionConfig> &
  Pick<FunctionConfig, 'handler' | 'codeDir' | 'runtime' | 'functionName' | 'region' | 'accountId' | 'environment'>;

/**
 * The runtime config of a project function, the one `fc-sim serve` and `fc-sim test` both run it with: its code
 * root, runtime, handler, names, region, environment, memory, timeout and lifecycle hooks as the project file sets
 * them (a setting it leaves out keeps FC's default). Undefined when the runtime is not one fc-sim runs.
 */
export function runtimeConfigOf(fn: ProjectFunction): ProjectRuntimeConfig | undefined {
  if (!isRuntimeName(fn.runtime)) return undefined;
  return {
    handler: fn.handler,
    codeDir: fn.codeDir,
    runtime: fn.runtime,
    functionName: fn.name,
    ...(fn.service === undefined ? {} : { serviceName: fn.service }),
    region: fn.region ?? DEFAULT_REGION,
    // Project files do not name the account: the deploying credentials decide it.
    accountId: DEFAULT_ACCOUNT_ID,
    environment: fn.environment,
    ...(fn.memorySize === undefined ? {} : { memorySize: fn.memorySize }),
    ...(fn.timeout === undefined ? {} : { timeout: fn.timeout }),
    ...(fn.initializer === undefined ? {} : { initializer: fn.initializer }),
    ...(fn.initializationTimeout === undefined ? {} : { initializationTimeout: fn.initializationTimeout }),
    ...(fn.preStop === undefined ? {} : { preStop: fn.preStop }),
  };
}
