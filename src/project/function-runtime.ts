import type { FunctionConfig } from '../runtime/function-config.js';
import { assertCodeFolder } from './code-location.js';
import { runtimeRunAs } from '../runtime/node/deprecated-runtimes.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../triggers/_shared/common.js';
import type { Project, ProjectFunction } from './model.js';
import type { Platform } from '../runtime/runtimes.js';

/** What a project function's instances start with; FC's defaults (`functionConfig`) fill the rest. */
export type ProjectRuntimeConfig = Partial<FunctionConfig> &
  Pick<FunctionConfig, 'handler' | 'codeDir' | 'runtime' | 'platform' | 'functionName' | 'region' | 'accountId' | 'environment'>;

/**
 * The runtime config of a project function, the one `fc-sim serve` and `fc-sim test` both run it with: its code
 * root, runtime, handler, names, region, environment, memory, timeout and lifecycle hooks as the project file sets
 * them (a setting it leaves out keeps FC's default), on the platform of the project's format. Undefined when the
 * runtime is not one fc-sim runs; an E_PROJECT error naming the field when the code folder does not exist.
 */
export function runtimeConfigOf(fn: ProjectFunction): ProjectRuntimeConfig | undefined {
  // FC's retired nodejs6/8/10 run as nodejs12 (lint warns that they are deprecated).
  const runtime = runtimeRunAs(fn.runtime);
  if (runtime === undefined) return undefined;
  // Before any process starts in it: a missing folder is the project's mistake, named where it is set.
  assertCodeFolder(fn);
  return {
    handler: fn.handler,
    codeDir: fn.codeDir,
    runtime,
    platform: fn.platform,
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
    ...(fn.preFreeze === undefined ? {} : { preFreeze: fn.preFreeze }),
    ...(fn.logConfig?.project === undefined ? {} : { logProject: fn.logConfig.project }),
    ...(fn.logConfig?.logstore === undefined ? {} : { logStore: fn.logConfig.logstore }),
  };
}

/** The project with every function on `platform` (`fc-sim test|serve --platform`); as it is when none is given. */
export function onPlatform(project: Project, platform: Platform | undefined): Project {
  return platform === undefined ? project : { ...project, functions: project.functions.map((fn) => ({ ...fn, platform })) };
}
