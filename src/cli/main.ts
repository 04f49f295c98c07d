import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitStatusOf, FcSimError } from '../errors.js';
import type { EventKind } from '../triggers/basics.js';
import { eventKinds, sourceNames, triggerBasics } from '../triggers/basics.js';
import { addFunctionOptions, addPlatformOptions } from './function-options.js';
import { packageRoot } from '../package-root.js';
import type { CliIo, CommandIo } from './io.js';
import { commandIo, hasColors, processIo } from './io.js';

export type { CliIo, CliOutput } from './io.js';

/**
 * The fc-sim command line, callable in-process: `run(argv, io)` returns the exit status. Each subcommand's module is
 * imported only when that subcommand runs, so that the CLI starts fast whatever it grows to.
 */

/** Where an action leaves its command's exit status (never process.exitCode: runs in one process must not share it). */
type Finish = (status: number) => void;

const integer = (flag: string, min: number) => (value: string) => {
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new FcSimError('E_USAGE', `${flag}: expected a whole number${min === -Infinity ? '' : ` ≥ ${min}`}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
};

/** `fc-sim oss:put [flags]`: the kind's own flags (by trigger) and the common ones. */
function addKindCommand(program: Command, kind: EventKind, io: CommandIo, finish: Finish): void {
  const command = program.command(kind.name).description(kind.description);
  const module = triggerBasics(kind.trigger);
  for (const spec of module.flags) {
    const option = new Option(spec.flags, spec.description);
    const parse = spec.parse;
    command.addOption(parse ? option.argParser((value: string, previous: unknown) => parse(value, previous, io.cwd)) : option);
  }
  for (const extra of module.commandOptions ?? []) command.option(extra.flags, extra.description);
  addFunctionOptions(command, false);
  command
    .option(
      '--set <path=value>',
      'set any field: JSON pointer (/events/0/region) or dotted path; value parsed as JSON when it is; repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--random', 'draw the event from the generator instead of the default')
    .option('--seed <n>', 'seed of the generator (implies --random); the same seed draws the same events', integer('--seed', -Infinity))
    .option(
      '--count <n>',
      `print n events as NDJSON (implies --random)${module.commandOptions?.some((extra) => extra.flags.startsWith('--cron ')) ? '; with --cron: n firings (default 10 unless --to)' : ''}`,
      integer('--count', 1),
    )
    .action(async (options) => {
      if (options.cron !== undefined) {
        const { timerScheduleCommand } = await import('./commands/timer-schedule.js');
        finish(await timerScheduleCommand(options, io));
        return;
      }
      const scheduleFlag = ['tz', 'from', 'to', 'realtime'].find((name) => options[name] !== undefined);
      if (scheduleFlag)
        throw new FcSimError('E_USAGE', `--${scheduleFlag}: only with --cron`, "e.g. fc-sim timer --cron '0 0 4 * * *' --from 2025-03-01T00:00:00Z --count 5");
      const { eventCommand } = await import('./commands/event.js');
      finish(await eventCommand(kind, options, io));
    });
}

/**
 * A new program per run: commander keeps parsed options on its commands. Only the kind being run (or asked for help
 * on) gets its flags: fifty kinds with thirty options each took commander ~40 ms to build, a sixth of the start-up;
 * the others are there by name and description, for `fc-sim --help`.
 */
function buildProgram(io: CommandIo, finish: Finish, argv: readonly string[]): Command {
  const named = argv[0] === 'help' ? argv[1] : argv[0];
  const program = new Command('fc-sim')
    .description('Simulate Alibaba Cloud Function Compute trigger events and test handlers against them.')
    // Before the subcommands exist: they copy these settings.
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // Commander's own default: the terminal's width, else 80.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      getOutHasColors: () => hasColors(io.stdout, io.env),
      getErrHasColors: () => hasColors(io.stderr, io.env),
    })
    .version((JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version)
    .exitOverride()
    .showHelpAfterError('(run fc-sim --help for usage)');

  for (const kind of eventKinds) {
    if (kind.name === named) addKindCommand(program, kind, io, finish);
    else program.command(kind.name).description(kind.description);
  }

  program
    .command('list')
    .description('list the event kinds (fc-sim <kind> prints one)')
    .action(async () => {
      const { listCommand } = await import('./commands/list.js');
      finish(await listCommand(io));
    });

  const runtimes = program.command('runtimes').description('the Node.js each runtime runs on: list them, or download them now (for CI caches)');
  runtimes
    .command('list')
    .description('each runtime’s Node.js version and whether it is downloaded')
    .action(async () => {
      const { runtimesListCommand } = await import('./commands/runtimes.js');
      finish(await runtimesListCommand(io));
    });
  runtimes
    .command('install')
    .argument('[runtimes...]', 'nodejs12, nodejs14, nodejs16, nodejs18, nodejs20 (default: all)')
    .description('download the runtimes’ Node.js and FC’s preinstalled modules into the cache now')
    .action(async (names: string[]) => {
      const { runtimesInstallCommand } = await import('./commands/runtimes.js');
      finish(await runtimesInstallCommand(names, io));
    });

  addFunctionOptions(
    program
      .command('invoke')
      .description('invoke a handler (or a function of the project, by name) with an event file (its bytes as they are), locally, as FC would')
      .argument('[function]', 'a function of the project (s.yaml, template.yml), run with its settings: same as --function')
      .option(
        '--event <file>',
        'the events: a file (its bytes as they are), an NDJSON file (one event a line), a folder of them, a saved failure, or - for standard input',
      )
      .option(
        '--http',
        'the event is an HTTP request: an FC 3.0 HTTP trigger event, an FC 2.0 request ({method, path, …}) for an FC 2.0 HTTP handler, or an API Gateway call ({httpMethod, path, …}) whose answer API Gateway reads',
      ),
    true,
  ).action(async (name: string | undefined, options) => {
    const { invokeCommand } = await import('./commands/invoke.js');
    if (name !== undefined && options.function !== undefined && name !== options.function)
      throw new FcSimError('E_USAGE', `invoke ${name} --function ${options.function}: two functions named`, 'name one');
    finish(await invokeCommand({ ...options, ...(name === undefined ? {} : { function: name }) }, io));
  });

  addFunctionOptions(
    program
      .command('fuzz')
      .description('check a handler against many generated events; a failure is shrunk to a minimal event, saved and replayable')
      .argument('<trigger|kind>', `a trigger (${sourceNames.join(', ')}) or a kind (oss:put, …)`)
      .option('--runs <n>', 'how many events (default 100)', integer('--runs', 1))
      .option('--seed <n>', 'the seed of a run to replay (fast-check seeds may be negative)', integer('--seed', -Infinity))
      .option('--path <path>', 'with --seed: the path a failure report gives, to replay that exact event')
      .option('--failures <dir>', 'where failures are saved and replayed from first (default fixtures/failures)')
      .option('--no-save', 'neither save failures nor replay saved ones'),
    true,
  ).action(async (target: string, options) => {
    const { fuzzCommand } = await import('./commands/fuzz.js');
    finish(await fuzzCommand(target, options, io));
  });

  addFunctionOptions(
    program
      .command('replay')
      .description('replay saved events (failures from fuzz or checkHandler, or any event files) against a handler, with the checks')
      .argument('<files...>', 'JSON or NDJSON files (one event a line), folders of them, saved failures, or - for standard input'),
    true,
  ).action(async (files: string[], options) => {
    const { replayCommand } = await import('./commands/replay.js');
    finish(await replayCommand(files, options, io));
  });

  program
    .command('ls')
    .description("list the project's functions and triggers (s.yaml or template.yml in the current folder)")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('-t, --template <file>', 'the project file in that folder, as s -t takes it (e.g. s_en.yaml)')
    .option('--env <name>', "an environment of the project's env.yaml, applied as s --env applies it")
    .option('--json', 'print the project model as JSON')
    .action(async (options) => {
      const { lsCommand } = await import('./commands/project.js');
      finish(await lsCommand(options, io));
    });

  program
    .command('lint')
    .description("check the project against FC's documented rules, saying how to fix each finding")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('-t, --template <file>', 'the project file in that folder, as s -t takes it (e.g. s_en.yaml)')
    .option('--env <name>', "an environment of the project's env.yaml, applied as s --env applies it")
    .option('--json', 'print the findings as JSON')
    .action(async (options) => {
      const { lintCommand } = await import('./commands/project.js');
      finish(await lintCommand(options, io));
    });

  // A project's functions run on its platform (fc3 for the fc3 component, fc2 for Fun and fc 2.x); --platform overrides it.
  addPlatformOptions(
    program
      .command('test')
      .description("run the contract checks on every function and trigger of the project, with events that match each trigger's config")
      .argument('[selectors...]', '<function> (all its triggers) or <function>/<trigger>; FC 2.0 functions also as <service>/<function> (default: all)')
      .option('--project <path>', 'the project folder or file (default: the current folder)')
      .option('-t, --template <file>', 'the project file in that folder, as s -t takes it (e.g. s_en.yaml)')
      .option('--env <name>', "an environment of the project's env.yaml, applied as s --env applies it")
      .option('--runs <n>', 'events per trigger (default 100)', integer('--runs', 1))
      .option('--seed <n>', 'the seed, to replay a run', integer('--seed', -Infinity))
      .option('--path <path>', 'with --seed and one <function>/<trigger>: the path a failure report gives, to replay that exact event')
      .option('--junit <file>', 'also write a JUnit XML report, for CI')
      .option('--failures <dir>', 'save failing events there (replayed first next time); default: not saved')
      .option('--shard <i/n>', "run the i-th of n equal parts of the function/trigger pairs (CI machines in parallel, as vitest's --shard)")
      .option('--pass-with-no-tests', 'exit 0 when no trigger ran (default: exit 1, nothing tested is not a pass)'),
  ).action(async (selectors: string[], options) => {
    const { testCommand } = await import('./commands/test.js');
    finish(await testCommand(selectors, options, io));
  });

  addPlatformOptions(
    program
      .command('serve')
      .description("serve the project's functions with HTTP triggers on a local HTTP server (FC 2.0 proxy paths, FC 3.0 function paths, custom-domain routes)")
      .option('--project <path>', 'the project folder or file (default: the current folder)')
      .option('-t, --template <file>', 'the project file in that folder, as s -t takes it (e.g. s_en.yaml)')
      .option('--env <name>', "an environment of the project's env.yaml, applied as s --env applies it")
      .option('--port <n>', 'the port (default 9000; 0 picks a free one)', integer('--port', 0))
      .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
      .option('--no-watch', 'do not reload code when it changes')
      .option('--inspect [host:port]', "each function instance's process under Node's inspector (port 0: a free one each); timeouts not enforced")
      .option('--inspect-brk [host:port]', 'as --inspect, each instance stopped before its handler loads until a debugger attaches')
      .option('--layer <arn=dir>', "a local folder for a layer the functions use (FC's /opt); repeatable", (value: string, previous: string[] = []) => [
        ...previous,
        value,
      ])
      .option('--nas <mountDir=dir>', 'a local folder for a NAS mount path the functions use; repeatable', (value: string, previous: string[] = []) => [
        ...previous,
        value,
      ]),
  ).action(async (options) => {
    const { serveCommand } = await import('./commands/serve.js');
    finish(await serveCommand(options, io));
  });

  program
    .command('validate')
    .description(
      'check events (JSON files, NDJSON files: one event a line, folders, saved failures, or - for standard input) against the schema of their trigger',
    )
    .argument('<files...>', 'JSON or NDJSON files, folders of them, or - to read standard input')
    .option(
      '-t, --type <name>',
      'the schema to check against, or a trigger (mns: mns-json or mns-stream as each event is written); default: detected from the event; see fc-sim schema',
    )
    .option('--strict', 'also report fields the schema does not list (typos, fields FC does not send)')
    .option('--json', 'print the outcomes as JSON')
    .action(async (files: string[], options) => {
      const { validateCommand } = await import('./commands/validate.js');
      finish(await validateCommand(files, options, io));
    });

  program
    .command('types')
    .description('print (or write) the TypeScript types of every event, context and trigger config')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options) => {
      const { typesCommand } = await import('./commands/types.js');
      finish(await typesCommand(options, io));
    });

  program
    .command('schema')
    .description('list the schemas, or print one as JSON Schema')
    .argument('[name]', 'a schema name, e.g. oss')
    .action(async (name: string | undefined) => {
      const { schemaCommand } = await import('./commands/schema.js');
      finish(await schemaCommand(name, io));
    });

  return program;
}

const INTERNAL_ERROR = 'fc-sim: internal error — this is a bug in fc-sim, please report it with the command you ran';

/**
 * Runs `fc-sim <argv>` and returns its exit status. Errors end here, in one place: a usage error of commander's
 * (already printed) exits 2; an FcSimError prints its message and hint, no stack, and exits with its code's status;
 * any other error is a bug of fc-sim's: its stack, a line asking to report it, exit 70 (EX_SOFTWARE).
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const { io: runIo, release } = commandIo(io);
  let status = 0;
  try {
    await buildProgram(runIo, (finished) => (status = finished), argv).parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    // Help and --version end here too, with exit code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof FcSimError) {
      runIo.stderr.write(`fc-sim: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return exitStatusOf(error);
    }
    runIo.stderr.write(`${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n${INTERNAL_ERROR}\n`);
    return 70;
  } finally {
    release();
  }
}
