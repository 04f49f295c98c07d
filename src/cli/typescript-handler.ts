import type { FunctionConfig } from '../runtime/function-config.js';
import { majorOf, NODE_VERSIONS, nodeVersionOf } from '../runtime/node/node-versions.js';
import type { RuntimeName } from '../runtime/runtimes.js';
import { announce, requireTsx, resolveTsx, tooOldForTsx, tsxNeedsNewerNode, tsxNotice, typescriptHandlers } from '../runtime/typescript-handler.js';
import type { CliIo } from './io.js';

/**
 * A handler string that names TypeScript source (`src/oss.handler` where only `src/oss.ts` exists): FC runs
 * JavaScript only, so without the project's tsx this is a usage error that says to build first or install tsx. With
 * tsx, the instance runs it through tsx (runtime/typescript-handler.ts) and this prints one notice that FC still needs
 * the build; a runtime whose Node.js tsx cannot run on is refused here, before its Node.js is provisioned.
 */
export function checkTypeScriptHandler(config: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler' | 'codeDir'>, flag: string, io: CliIo): void {
  const typescript = typescriptHandlers(config)[0];
  if (!typescript) return;
  const loader = requireTsx(typescript, config.codeDir, typescript.handler === config.handler ? flag : 'handler', io.cwd);
  const runtime: RuntimeName = config.runtime ?? 'nodejs20';
  const wanted = NODE_VERSIONS[runtime];
  const major = 'exact' in wanted ? majorOf(wanted.exact) : wanted.major;
  // Another Node.js named (--node, FC_SIM_NODE_<major>): the instance checks the version it runs.
  const named = config.nodePath !== undefined || io.env[`FC_SIM_NODE_${major}`] !== undefined;
  const version = nodeVersionOf(runtime);
  if (!named && tooOldForTsx(version)) throw tsxNeedsNewerNode(runtime, version, typescript.source);
  sayTsxNotice(tsxNotice(typescript.source, loader), io);
}

/** Said by the CLI on every run (its output is the user's), and so not again by the instances of this process. */
function sayTsxNotice(notice: string, io: CliIo): void {
  announce(notice);
  io.stderr.write(`fc-sim: ${notice}\n`);
}

/**
 * `fc-sim test`: the notice for each project function whose handler runs through the project's tsx. Without tsx,
 * nothing here: the function's instance refuses it, and the run says so (exit 2).
 */
export function noteTypeScriptFunctions(
  functions: readonly Pick<FunctionConfig, 'handler' | 'codeDir' | 'initializer' | 'preStop' | 'preFreeze'>[],
  io: CliIo,
): void {
  for (const fn of functions) {
    const typescript = typescriptHandlers(fn)[0];
    const loader = typescript && resolveTsx(fn.codeDir, io.cwd);
    if (typescript && loader) sayTsxNotice(tsxNotice(typescript.source, loader), io);
  }
}
