import type { FunctionConfig } from '../runtime/function-config.js';
import type { CheckName } from '../testing/checks.js';
import { checkFlags, commandLine, functionFlags } from '../testing/replay-command.js';
import type { FunctionFlags } from './function-options.js';
import type { CliIo } from './io.js';
import { targetArgs } from './target-options.js';

/**
 * How the commands a report prints name the function this command ran: every setting that shaped the run, from
 * flags, FC_SIM_* variables or `--config` alike, as flags (and the `--config` file, for settings no flag sets), the
 * checks and the invocation type; a deployed function by its target flags. Pasted from the same folder, they run
 * the same function.
 */
export function replayArgsOf(
  flags: FunctionFlags,
  config: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>,
  checks: Partial<Record<CheckName, boolean>> | undefined,
  io: Pick<CliIo, 'cwd'>,
  remote: boolean,
): string {
  const checkArgs = checkFlags(checks);
  if (remote) return [targetArgs(flags), commandLine(checkArgs)].filter(Boolean).join(' ');
  const { handler, ...runtime } = config;
  const words = [
    ...functionFlags(handler, runtime, io.cwd).args,
    ...(flags.config === undefined ? [] : ['--config', flags.config]),
    ...(flags.invocationType === undefined ? [] : ['--invocation-type', flags.invocationType]),
    ...checkArgs,
  ];
  return commandLine(words);
}
