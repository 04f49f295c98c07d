import type { RuntimeName } from '../runtimes.js';
import { isRuntimeName } from '../runtimes.js';
import { notice } from './notices.js';

/**
 * Runtimes FC has deprecated but Fun's templates still name (`runtime: nodejs8`, `nodejs10`). fc-sim runs them as
 * nodejs12, the oldest runtime it has, on nodejs12's Node.js, and says so: never an error, as a project that deploys
 * today still runs in FC on the Node it was given.
 *
 * @example
 * ```ts
 * deprecatedRuntimeNames.includes('nodejs10'); // true
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/overview-of-runtimes
 */
export const deprecatedRuntimeNames = ['nodejs6', 'nodejs8', 'nodejs10'] as const;

/**
 * A deprecated Node.js runtime name: see {@link deprecatedRuntimeNames}.
 *
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/overview-of-runtimes
 */
export type DeprecatedRuntimeName = (typeof deprecatedRuntimeNames)[number];

export function isDeprecatedRuntimeName(name: string): name is DeprecatedRuntimeName {
  return (deprecatedRuntimeNames as readonly string[]).includes(name);
}

/** The runtime a deprecated one runs as. */
export const DEPRECATED_RUNS_AS: RuntimeName = 'nodejs12';

/**
 * The runtime fc-sim runs for a runtime name of a function: itself, nodejs12 for a deprecated one, undefined for a
 * name that is no Node.js runtime of FC's (another language, a custom runtime).
 */
export function runtimeRunAs(name: string): RuntimeName | undefined {
  if (isRuntimeName(name)) return name;
  return isDeprecatedRuntimeName(name) ? DEPRECATED_RUNS_AS : undefined;
}

/** {@link runtimeRunAs} for a runtime a flag or setting names, with one warning in this run's first invocation when it is a deprecated one. */
export function runnableRuntime(name: string): RuntimeName | undefined {
  const runtime = runtimeRunAs(name);
  if (runtime !== undefined && runtime !== name)
    notice(
      `${name} is deprecated in FC; fc-sim runs it as ${DEPRECATED_RUNS_AS}, the oldest runtime it has. Set runtime: nodejs16 or later to test what FC runs today.`,
    );
  return runtime;
}
