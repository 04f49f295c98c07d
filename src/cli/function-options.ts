import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { FcSimError } from '../errors.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import type { Platform } from '../runtime/runtimes.js';
import { runnableRuntime } from '../runtime/node/deprecated-runtimes.js';
import { isPlatform, platformNames, runtimeNames } from '../runtime/runtimes.js';
import type { CliIo } from './io.js';
import { CHECK_FLAG } from './check-flag.js';
import { checkTypeScriptHandler } from './typescript-handler.js';
import { memoryValue, readConfigFile, settingsFromEnvironment, timeoutValue } from './function-settings.js';
import type { TargetFlags } from './target-options.js';
import { addTargetOptions, hasTarget } from './target-options.js';

/** The flags that describe the function a command runs events against (a local handler, or a deployed function). */
export interface FunctionFlags extends TargetFlags {
  handler?: string;
  codeDir?: string;
  runtime?: string;
  /** --platform fc2|fc3, or its short forms --fc2, --fc3. */
  platform?: string;
  fc2?: boolean;
  fc3?: boolean;
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
  /** --node <path>: a Node.js binary to run the instance on. */
  node?: string;
  /** --inspect[=host:port], --inspect-brk[=host:port]: the instance's process under Node's inspector. */
  inspect?: string | true;
  inspectBrk?: string | true;
  /** false with --no-builtin-modules. */
  builtinModules?: boolean;
  /** --function <name> (invoke's argument too): the project function whose settings the events run with. */
  function?: string;
  /** The project folder or file of --function: `--project`, except on sls kinds (whose --project is the log project). */
  functionProject?: string;
  template?: string;
  /** `--env <name>` (no `=`) with --function: an environment of the project's env.yaml. */
  environment?: string;
  /** --layer <arn>=<dir>, --nas <mountDir>=<dir>: local folders for a project function's layers and NAS mounts. */
  layer?: string[];
  nas?: string[];
}

const envPair = (value: string, previous: Record<string, string> = {}) => {
  const at = value.indexOf('=');
  if (at <= 0) throw new FcSimError('E_USAGE', `--env: expected NAME=value, got ${JSON.stringify(value)}`, 'e.g. --env TABLE=orders');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};

/**
 * `--platform fc2|fc3` and its short forms `--fc2`, `--fc3`: the FC platform the function is deployed on. The same
 * on every command that runs a function; a kind's own `--fc2` (HTTP kinds: print the FC 2.0 request) is the same flag.
 */
export function addPlatformOptions(command: Command): Command {
  const has = (flag: string) => command.options.some((option) => option.long === flag);
  command.option(
    '--platform <platform>',
    'fc2 or fc3: the FC platform the function is deployed on, which decides its context, request ids and HTTP calls (default fc3)',
  );
  if (!has('--fc2')) command.option('--fc2', 'short for --platform fc2 (FC 2.0: HTTP functions are called with (request, response, context))');
  if (!has('--fc3')) command.option('--fc3', 'short for --platform fc3 (FC 3.0: HTTP functions get an HTTP trigger event)');
  return command;
}

/** The platform the flags choose, if they choose one; two that disagree are a usage error. */
export function platformFlag(flags: Pick<FunctionFlags, 'platform' | 'fc2' | 'fc3'>): Platform | undefined {
  if (flags.platform !== undefined && !isPlatform(flags.platform)) {
    throw new FcSimError(
      'E_USAGE',
      `--platform: expected ${platformNames.join(' or ')}, got ${JSON.stringify(flags.platform)}`,
      'fc2: FC 2.0 (Fun, fc 2.x projects); fc3: FC 3.0',
    );
  }
  const chosen = new Set([flags.platform, flags.fc2 ? 'fc2' : undefined, flags.fc3 ? 'fc3' : undefined].filter((platform) => platform !== undefined));
  if (chosen.size > 1) throw new FcSimError('E_USAGE', `--platform, --fc2, --fc3: choose one platform, got ${[...chosen].join(' and ')}`);
  return [...chosen][0] as Platform | undefined;
}

export function addFunctionOptions(command: Command, handlerRequired: boolean): Command {
  const handler = '--handler <handler>';
  const description = 'the handler, e.g. index.handler or ./src/app.main (module path relative to --code-dir, export after the last dot)';
  command.option(handler, handlerRequired ? description : `run the event against ${description}`);
  // A handler, or a deployed function to send the events to (--url, --target).
  if (handlerRequired) {
    command.hook('preAction', (self) => {
      const flags = self.opts<FunctionFlags>();
      // A handler in --config is one too (functionConfigFrom says so when the file has none); so is a project function.
      const namesFunction = flags.function !== undefined || (self.name() === 'invoke' && self.args.length > 0);
      if (flags.handler === undefined && flags.config === undefined && !hasTarget(flags) && !namesFunction) {
        throw new FcSimError(
          'E_USAGE',
          `required option '${handler}' not specified`,
          'or name a function of the project: --function <name>; or send the events to a deployed function: --url <trigger URL>, or --target custom-runtime|invoke-fc2|invoke-fc3',
        );
      }
    });
  }
  addTargetOptions(command);
  command.hook('preAction', (self) => {
    const flags = self.opts<FunctionFlags>();
    if (flags.environment !== undefined && flags.function === undefined && !(self.name() === 'invoke' && self.args.length > 0))
      throw new FcSimError(
        'E_USAGE',
        `--env ${flags.environment}: an environment of the project's env.yaml, for a function of the project`,
        'add --function <name>, or give a variable as --env NAME=value',
      );
  });
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  command.option('--function <name>', 'a function of the project (s.yaml, template.yml): its handler, code folder, runtime and settings; flags override them');
  // sls's --project is the log project: there the project is the current folder's.
  const ownsProject = !command.options.some((option) => option.long === '--project');
  if (ownsProject) {
    command.option('--project <path>', 'with --function: the project folder or file (default: the current folder)');
    command.hook('preAction', (self) => void self.setOptionValue('functionProject', self.opts<{ project?: string }>().project));
  }
  command
    .option('--template <file>', 'with --function: the project file in that folder, as s -t takes it (e.g. s_en.yaml)')
    .option('--layer <arn=dir>', "with --function: a local folder for one of the function's layers (FC's /opt); repeatable", collect)
    .option('--nas <mountDir=dir>', "with --function: a local folder for one of the function's NAS mounts; repeatable", collect);
  return addPlatformOptions(command)
    .option('--code-dir <dir>', 'the code folder (FC’s /code; default: the current folder)')
    .option('--runtime <runtime>', `${runtimeNames.join(', ')} (default nodejs20), each on its own Node.js version`)
    .option('--node <path>', 'run on this Node.js binary instead of the runtime’s own version (FC_SIM_NODE_<major> does the same)')
    .option(
      '--inspect [host:port]',
      'run the function under Node’s inspector for a debugger to attach (default 127.0.0.1:9229; port 0: a free one); its timeout is not enforced',
    )
    .option('--inspect-brk [host:port]', 'as --inspect, stopped before the handler’s module loads until a debugger attaches')
    .option('--no-builtin-modules', 'leave FC’s preinstalled modules (raw-body, ali-oss, …) off NODE_PATH, to check that the code bundles what it needs')
    .option('--timeout <seconds>', 'function timeout, 1–86400 (default 3)', timeoutValue('--timeout'))
    .option('--memory <mb>', 'memory size in MB, 128–32768 in steps of 64 (default 512)', memoryValue('--memory'))
    .option('--initializer <handler>', 'initializer, e.g. index.initialize')
    .option('--pre-stop <handler>', 'PreStop hook, run when the instance stops')
    .option('--pre-freeze <handler>', 'PreFreeze hook (FC 2.0 runtimes), run after each invocation')
    .option('--function-name <name>', 'function name in the context')
    .option(
      '--env <NAME=value|name>',
      "environment variable of the function, repeatable; with --function, a bare name is an environment of the project's env.yaml (as s --env)",
      (value: string, previous?: Record<string, string>) => {
        if (value.includes('=')) return envPair(value, previous);
        const earlier = command.getOptionValue('environment') as string | undefined;
        if (earlier !== undefined && earlier !== value)
          throw new FcSimError(
            'E_USAGE',
            `--env ${earlier} --env ${value}: two environments named`,
            'name one environment of env.yaml (NAME=value pairs are variables)',
          );
        command.setOptionValue('environment', value);
        return previous;
      },
    )
    .option('--config <file>', 'JSON file with the function configuration (handler, codeDir, runtime, timeout, memorySize, environment, …)')
    .option('--invocation-type <type>', 'sync (32 MB payloads) or async (128 KB, as event triggers invoke)')
    .option('--json', 'print each invocation as a JSON line (result, error, logs, timings)')
    .option(CHECK_FLAG.flags, CHECK_FLAG.description, CHECK_FLAG.collect);
}

/** Flags that describe the function an event runs against: nothing to describe when no function runs. */
const FUNCTION_ONLY_FLAGS: ReadonlyArray<[keyof FunctionFlags, string]> = [
  ['codeDir', '--code-dir'],
  ['runtime', '--runtime'],
  ['timeout', '--timeout'],
  ['memory', '--memory'],
  ['initializer', '--initializer'],
  ['preStop', '--pre-stop'],
  ['preFreeze', '--pre-freeze'],
  ['functionName', '--function-name'],
  ['env', '--env'],
  ['invocationType', '--invocation-type'],
  ['check', '--check'],
  ['out', '--out'],
];

/** Refuses the function's flags where no function runs (`mode` says what the command does instead), naming the flag. */
export function refuseFunctionFlags(flags: FunctionFlags, mode: string): void {
  const given = FUNCTION_ONLY_FLAGS.find(([key]) => flags[key] !== undefined);
  if (given) {
    throw new FcSimError(
      'E_USAGE',
      `${given[1]}: only when a function runs (--handler, --config, --url or --target); ${mode} runs none`,
      'add --handler index.handler to run the event, or drop the flag',
    );
  }
}

/** The platform the flags, FC_SIM_PLATFORM or --config choose; undefined when none does (FC 3.0, unless the event says). */
export function chosenPlatform(flags: FunctionFlags, io: CliIo): Platform | undefined {
  const platform = platformFlag(flags) ?? io.env.FC_SIM_PLATFORM ?? (flags.config ? readConfigFile(flags.config, io.cwd).platform : undefined);
  if (platform !== undefined && !isPlatform(platform)) {
    throw new FcSimError('E_USAGE', `unknown platform "${platform}" (FC_SIM_PLATFORM or "platform" in --config)`, `use ${platformNames.join(' or ')}`);
  }
  return platform;
}

/** The code folder must be one: a process cannot start in a folder that is not there (spawn … ENOENT). */
function checkCodeDir(codeDir: string, from: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(codeDir).isDirectory();
  } catch {
    throw new FcSimError('E_USAGE', `${from}: ${codeDir}: no such folder`, 'name the folder with the function’s code (FC’s /code)');
  }
  if (!isFolder) throw new FcSimError('E_USAGE', `${from}: ${codeDir}: is a file, not a folder`, 'name the folder with the function’s code (FC’s /code)');
}

/** Node's inspector default address, as `node --inspect` has it. */
const DEFAULT_INSPECT_ADDRESS = '127.0.0.1:9229';

/** --inspect / --inspect-brk as the runtime takes them: the URL to attach to and the timeout's absence said on stderr. */
export function inspectFrom(flags: Pick<FunctionFlags, 'inspect' | 'inspectBrk'>, io: CliIo): FunctionConfig['inspect'] {
  if (flags.inspect !== undefined && flags.inspectBrk !== undefined) {
    throw new FcSimError('E_USAGE', '--inspect and --inspect-brk: one or the other', 'use --inspect-brk to stop before the handler loads');
  }
  const given = flags.inspectBrk ?? flags.inspect;
  if (given === undefined) return undefined;
  const flag = flags.inspectBrk !== undefined ? '--inspect-brk' : '--inspect';
  const address = given === true ? DEFAULT_INSPECT_ADDRESS : given;
  if (!/^(?:(?:[\w.-]+|\[[\da-fA-F:]+\]):)?\d{1,5}$/.test(address)) {
    throw new FcSimError('E_USAGE', `${flag}: expected host:port or a port, got "${address}"`, `e.g. ${flag}=127.0.0.1:9229 (port 0: a free one)`);
  }
  io.stderr.write(`fc-sim: ${flag}: the function's timeout is not enforced while a debugger may hold it at a breakpoint\n`);
  return {
    address,
    break: flags.inspectBrk !== undefined,
    onListening: (url) => io.stderr.write(`fc-sim: debugger listening on ${url} (attach to ${new URL(url).host}; VS Code: README.md#debug-a-handler)\n`),
  };
}

/**
 * The function configuration: flags, then FC_SIM_* environment variables, then --config, then what the event implies
 * (an FC 2.0 request: the fc2 platform), then defaults; the code folder is the working folder unless one of them
 * names another.
 */
export function functionConfigFrom(
  flags: FunctionFlags,
  io: CliIo,
  eventDefaults: Partial<FunctionConfig> = {},
): Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'> {
  const file = flags.config ? readConfigFile(flags.config, io.cwd) : {};
  const fromFlags = Object.fromEntries(
    Object.entries({
      handler: flags.handler,
      codeDir: flags.codeDir === undefined ? undefined : resolve(io.cwd, flags.codeDir),
      runtime: flags.runtime,
      platform: platformFlag(flags),
      nodePath: flags.node === undefined ? undefined : resolve(io.cwd, flags.node),
      builtinModules: flags.builtinModules === false ? false : undefined,
      timeout: flags.timeout,
      memorySize: flags.memory,
      initializer: flags.initializer,
      preStop: flags.preStop,
      preFreeze: flags.preFreeze,
      functionName: flags.functionName,
      environment: flags.env === undefined ? undefined : { ...file.environment, ...flags.env },
      inspect: inspectFrom(flags, io),
    }).filter(([, value]) => value !== undefined),
  );
  const config = { codeDir: io.cwd, ...eventDefaults, ...file, ...settingsFromEnvironment(io.env, io.cwd), ...fromFlags } as Partial<FunctionConfig>;
  if (!config.handler) throw new FcSimError('E_USAGE', 'no handler', 'pass --handler index.handler, or "handler" in --config');
  checkCodeDir(
    config.codeDir!,
    fromFlags.codeDir
      ? '--code-dir'
      : io.env.FC_SIM_CODE_DIR
        ? 'FC_SIM_CODE_DIR'
        : file.codeDir
          ? `"codeDir" in --config ${flags.config}`
          : 'the current folder',
  );
  if (config.runtime !== undefined) {
    const runtime = runnableRuntime(config.runtime);
    if (!runtime) throw new FcSimError('E_USAGE', `unknown runtime "${config.runtime}"`, `use one of: ${runtimeNames.join(', ')}`);
    config.runtime = runtime;
  }
  if (config.platform !== undefined && !isPlatform(config.platform)) {
    throw new FcSimError('E_USAGE', `unknown platform "${config.platform}" (FC_SIM_PLATFORM or "platform" in --config)`, `use ${platformNames.join(' or ')}`);
  }
  if (flags.invocationType !== undefined && flags.invocationType !== 'sync' && flags.invocationType !== 'async') {
    throw new FcSimError('E_USAGE', `--invocation-type: expected sync or async, got "${flags.invocationType}"`);
  }
  checkTypeScriptHandler({ ...config, handler: config.handler, codeDir: config.codeDir! }, fromFlags.handler ? '--handler' : 'handler', io);
  return config as Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>;
}
