import type { FunctionConfig } from '../runtime/function-config.js';
import type { CheckName } from '../testing/checks.js';
import { checkFlags, commandLine, envWord, functionFlags } from '../testing/replay-command.js';
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
  if (flags.function !== undefined) return commandLine([...namedFunctionWords(flags), ...checkArgs]);
  const { handler, ...runtime } = config;
  const words = [
    ...functionFlags(handler, runtime, io.cwd).args,
    ...(flags.config === undefined ? [] : ['--config', flags.config]),
    ...(flags.invocationType === undefined ? [] : ['--invocation-type', flags.invocationType]),
    ...checkArgs,
  ];
  return commandLine(words);
}

/** `--function <name>` and the flags given with it: the project file holds the rest of the function's settings. */
function namedFunctionWords(flags: FunctionFlags): string[] {
  const given = (flag: string, value: string | number | undefined) => (value === undefined ? [] : [flag, String(value)]);
  return [
    '--function',
    flags.function!,
    ...given('--project', flags.functionProject),
    ...given('--template', flags.template),
    ...given('--env', flags.environment),
    ...(flags.layer ?? []).flatMap((pair) => ['--layer', pair]),
    ...(flags.nas ?? []).flatMap((pair) => ['--nas', pair]),
    ...given('--runtime', flags.runtime),
    ...given('--platform', flags.platform ?? (flags.fc2 ? 'fc2' : flags.fc3 ? 'fc3' : undefined)),
    ...given('--node', flags.node),
    ...(flags.builtinModules === false ? ['--no-builtin-modules'] : []),
    ...given('--timeout', flags.timeout),
    ...given('--memory', flags.memory),
    ...given('--initializer', flags.initializer),
    ...given('--pre-stop', flags.preStop),
    ...given('--pre-freeze', flags.preFreeze),
    ...given('--function-name', flags.functionName),
    ...Object.entries(flags.env ?? {}).flatMap(([name, value]) => ['--env', envWord(name, value)]),
    ...given('--invocation-type', flags.invocationType),
  ];
}
