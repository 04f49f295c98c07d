import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { FcSimError } from '../errors.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import { isRuntimeName, runtimeNames } from '../runtime/runtimes.js';
import type { CliIo } from './io.js';
import { CHECK_FLAG } from './check-flag.js';
import type { TargetFlags } from './target-options.js';
import { addTargetOptions, hasTarget } from './target-options.js';

/** The flags that describe the function a command runs events against (a local handler, or a deployed function). */
export interface FunctionFlags extends TargetFlags {
  handler?: string;
  codeDir?: string;
  runtime?: string;
  timeout?: number;
  memory?: number;
  initializer?: string;
  preStop?: string;
  preFreeze?: string;
  functionName?: string;
  env?: Record<string, string>;
  config?: string;
  invocationType?: 'sync' | 'async';
  json?: boolean;
  /** --check: the checks that judge each invocation (default: all but idempotent). */
  check?: string[];
}

const positive = (flag: string) => (value: string) => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number <= 0) throw new FcSimError('E_USAGE', `${flag}: expected a whole number > 0, got ${JSON.stringify(value)}`);
  return number;
};

const envPair = (value: string, previous: Record<string, string> = {}) => {
  const at = value.indexOf('=');
  if (at <= 0) throw new FcSimError('E_USAGE', `--env: expected NAME=value, got ${JSON.stringify(value)}`, 'e.g. --env TABLE=orders');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};

export function addFunctionOptions(command: Command, handlerRequired: boolean): Command {
  const handler = '--handler <handler>';
  const description = 'the handler, e.g. index.handler or ./src/app.main (module path relative to --code-dir, export after the last dot)';
  command.option(handler, handlerRequired ? description : `run the event against ${description}`);
  // A handler, or a deployed function to send the events to (--url, --target).
  if (handlerRequired) {
    command.hook('preAction', (self) => {
      const flags = self.opts<FunctionFlags>();
      if (flags.handler === undefined && !hasTarget(flags)) {
        throw new FcSimError(
          'E_USAGE',
          `required option '${handler}' not specified`,
          'or send the events to a deployed function: --url <trigger URL>, or --target custom-runtime|invoke-fc2|invoke-fc3',
        );
      }
    });
  }
  addTargetOptions(command);
  return command
    .option('--code-dir <dir>', 'the code folder (FC’s /code; default: the current folder)')
    .option('--runtime <runtime>', `${runtimeNames.join(', ')} (default nodejs20)`)
    .option('--timeout <seconds>', 'function timeout (default 3)', positive('--timeout'))
    .option('--memory <mb>', 'memory size in MB (default 512)', positive('--memory'))
    .option('--initializer <handler>', 'initializer, e.g. index.initialize')
    .option('--pre-stop <handler>', 'PreStop hook, run when the instance stops')
    .option('--pre-freeze <handler>', 'PreFreeze hook (FC 2.0 runtimes), run after each invocation')
    .option('--function-name <name>', 'function name in the context')
    .option('--env <NAME=value>', 'environment variable of the function; repeatable', envPair)
    .option('--config <file>', 'JSON file with the function configuration (handler, codeDir, runtime, timeout, memorySize, environment, …)')
    .option('--invocation-type <type>', 'sync (32 MB payloads) or async (128 KB, as event triggers invoke)')
    .option('--json', 'print each invocation as a JSON line (result, error, logs, timings)')
    .option(CHECK_FLAG.flags, CHECK_FLAG.description, CHECK_FLAG.collect);
}

/** FC_SIM_<NAME> environment variables, for CI: below flags, above the config file. */
function fromEnvironment({ env, cwd }: CliIo): Partial<FunctionConfig> {
  const number = (name: string) => (env[name] === undefined ? undefined : Number(env[name]));
  const entries = {
    runtime: env.FC_SIM_RUNTIME,
    timeout: number('FC_SIM_TIMEOUT'),
    memorySize: number('FC_SIM_MEMORY_SIZE'),
    codeDir: env.FC_SIM_CODE_DIR === undefined ? undefined : resolve(cwd, env.FC_SIM_CODE_DIR),
    functionName: env.FC_SIM_FUNCTION_NAME,
    region: env.FC_SIM_REGION,
    accountId: env.FC_SIM_ACCOUNT_ID,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Partial<FunctionConfig>;
}

function fromFile(given: string, cwd: string): Partial<FunctionConfig> {
  const file = resolve(cwd, given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FcSimError('E_FILE_NOT_FOUND', `--config ${given}: cannot read: ${(error as Error).message}`, 'check the path');
  }
  let config: Partial<FunctionConfig>;
  try {
    config = JSON.parse(text) as Partial<FunctionConfig>;
  } catch (error) {
    throw new FcSimError('E_NOT_JSON', `--config ${given}: not JSON: ${(error as Error).message}`);
  }
  // A code folder in the file is relative to the file, as in project files.
  return config.codeDir === undefined ? config : { ...config, codeDir: resolve(dirname(file), config.codeDir) };
}

/**
 * The function configuration: flags, then FC_SIM_* environment variables, then --config, then defaults; the code
 * folder is the working folder unless one of them names another.
 */
export function functionConfigFrom(
  flags: FunctionFlags,
  io: CliIo,
  eventDefaults: Partial<FunctionConfig> = {},
): Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'> {
  const file = flags.config ? fromFile(flags.config, io.cwd) : {};
  const fromFlags = Object.fromEntries(
    Object.entries({
      handler: flags.handler,
      codeDir: flags.codeDir === undefined ? undefined : resolve(io.cwd, flags.codeDir),
      runtime: flags.runtime,
      timeout: flags.timeout,
      memorySize: flags.memory,
      initializer: flags.initializer,
      preStop: flags.preStop,
      preFreeze: flags.preFreeze,
      functionName: flags.functionName,
      environment: flags.env === undefined ? undefined : { ...file.environment, ...flags.env },
    }).filter(([, value]) => value !== undefined),
  );
  const config = { codeDir: io.cwd, ...eventDefaults, ...file, ...fromEnvironment(io), ...fromFlags } as Partial<FunctionConfig>;
  if (!config.handler) throw new FcSimError('E_USAGE', 'no handler', 'pass --handler index.handler, or "handler" in --config');
  if (config.runtime !== undefined && !isRuntimeName(config.runtime)) {
    throw new FcSimError('E_USAGE', `unknown runtime "${config.runtime}"`, `use one of: ${runtimeNames.join(', ')}`);
  }
  if (flags.invocationType !== undefined && flags.invocationType !== 'sync' && flags.invocationType !== 'async') {
    throw new FcSimError('E_USAGE', `--invocation-type: expected sync or async, got "${flags.invocationType}"`);
  }
  return config as Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>;
}
