#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FcSimError } from '../errors.js';
import { eventKinds, type EventKind } from '../events/kinds.js';
import { triggerFlags } from './event-flags.js';
import { addFunctionOptions } from './function-options.js';
import { packageRoot } from '../package-root.js';

/**
 * The fc-sim command line. Each subcommand's module is imported only when that subcommand runs, so that the CLI
 * starts fast whatever it grows to.
 */
const integer = (flag: string, min: number) => (value: string) => {
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new FcSimError('E_USAGE', `${flag}: expected a whole number${min === -Infinity ? '' : ` ≥ ${min}`}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
};

/** `fc-sim oss:put [flags]`: the kind's own flags (by trigger) and the common ones. */
function addKindCommand(program: Command, kind: EventKind): void {
  const command = program.command(kind.name).description(kind.description);
  for (const spec of triggerFlags[kind.trigger]) {
    command.addOption(spec.parse ? new Option(spec.flags, spec.description).argParser(spec.parse) : new Option(spec.flags, spec.description));
  }
  if (kind.trigger === 'http') command.option('--fc2', 'the request as an FC 2.0 HTTP handler sees it (request, response, context)');
  if (kind.trigger === 'timer') {
    command
      .option('--cron <expression>', "print the firings of an FC timer expression instead of one event: six fields, seconds first, optional 'CRON_TZ=<zone> ' prefix, or '@every <duration>'; with --json the event of each firing")
      .option('--tz <zone>', "with --cron: the IANA zone to run it in (overrides the expression's CRON_TZ=; default CRON_TZ=, else UTC)")
      .option('--from <time>', 'with --cron: firings at or after this time (ISO-8601 with Z or an offset, epoch ms, or now; default now)')
      .option('--to <time>', 'with --cron: firings before this time (default: --count firings)')
      .option('--realtime', 'with --cron and --handler: fire on the wall clock instead of in virtual time');
  }
  addFunctionOptions(command, false);
  command
    .option('--set <path=value>', 'set any field: JSON pointer (/events/0/region) or dotted path; value parsed as JSON when it is; repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .option('--random', 'draw the event from the generator instead of the default')
    .option('--seed <n>', 'seed of the generator (implies --random); the same seed draws the same events', integer('--seed', -Infinity))
    .option('--count <n>', `print n events as NDJSON (implies --random)${kind.trigger === 'timer' ? '; with --cron: n firings (default 10 unless --to)' : ''}`, integer('--count', 1))
    .action(async (options) => {
      if (options.cron !== undefined) {
        const { timerScheduleCommand } = await import('./commands/timer-schedule.js');
        process.exitCode = await timerScheduleCommand(options);
        return;
      }
      const scheduleFlag = ['tz', 'from', 'to', 'realtime'].find((name) => options[name] !== undefined);
      if (scheduleFlag) throw new FcSimError('E_USAGE', `--${scheduleFlag}: only with --cron`, "e.g. fc-sim timer --cron '0 0 4 * * *' --from 2025-03-01T00:00:00Z --count 5");
      const { eventCommand } = await import('./commands/event.js');
      process.exitCode = await eventCommand(kind, options);
    });
}

function buildProgram(): Command {
  const program = new Command('fc-sim')
    .description('Simulate Alibaba Cloud Function Compute trigger events and test handlers against them.')
    .version((JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version)
    .exitOverride()
    .showHelpAfterError('(run fc-sim --help for usage)');

  for (const kind of eventKinds) addKindCommand(program, kind);

  program
    .command('list')
    .description('list the event kinds (fc-sim <kind> prints one)')
    .action(async () => {
      const { listCommand } = await import('./commands/list.js');
      process.exitCode = await listCommand();
    });

  addFunctionOptions(
    program
      .command('invoke')
      .description('invoke a handler with an event file (its bytes as they are), locally, as FC would')
      .requiredOption('--event <file>', 'the event: a file, or - for standard input')
      .option('--http', 'the event is an HTTP request: an FC 3.0 HTTP trigger event, or an FC 2.0 request ({method, path, …}) for an FC 2.0 HTTP handler'),
    true,
  ).action(async (options) => {
    const { invokeCommand } = await import('./commands/invoke.js');
    process.exitCode = await invokeCommand(options);
  });

  addFunctionOptions(
    program
      .command('fuzz')
      .description('check a handler against many generated events; a failure is shrunk to a minimal event, saved and replayable')
      .argument('<trigger|kind>', 'a trigger (oss, timer, mns, sls, cdn, http, fc2-http) or a kind (oss:put, …)')
      .option('--runs <n>', 'how many events (default 100)', integer('--runs', 1))
      .option('--seed <n>', 'the seed of a run to replay (fast-check seeds may be negative)', integer('--seed', -Infinity))
      .option('--path <path>', 'with --seed: the path a failure report gives, to replay that exact event')
      .option('--check <name>', 'run only these checks; repeatable (no-unhandled-error, no-handled-error, within-timeout, http-response, idempotent)', (value: string, previous: string[] = []) => [...previous, value])
      .option('--fc2', 'http kinds: call an FC 2.0 HTTP handler')
      .option('--failures <dir>', 'where failures are saved and replayed from first (default fixtures/failures)')
      .option('--no-save', 'neither save failures nor replay saved ones'),
    true,
  ).action(async (target: string, options) => {
    const { fuzzCommand } = await import('./commands/fuzz.js');
    process.exitCode = await fuzzCommand(target, options);
  });

  addFunctionOptions(
    program
      .command('replay')
      .description('replay saved events (failures from fuzz or checkHandler, or any event files) against a handler, with the checks')
      .argument('<files...>', 'JSON files, or folders of them'),
    true,
  ).action(async (files: string[], options) => {
    const { replayCommand } = await import('./commands/replay.js');
    process.exitCode = await replayCommand(files, options);
  });

  program
    .command('ls')
    .description("list the project's functions and triggers (s.yaml or template.yml in the current folder)")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('--json', 'print the project model as JSON')
    .action(async (options) => {
      const { lsCommand } = await import('./commands/project.js');
      process.exitCode = await lsCommand(options);
    });

  program
    .command('lint')
    .description("check the project against FC's documented rules, saying how to fix each finding")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('--json', 'print the findings as JSON')
    .action(async (options) => {
      const { lintCommand } = await import('./commands/project.js');
      process.exitCode = await lintCommand(options);
    });

  program
    .command('test')
    .description("run the contract checks on every function and trigger of the project, with events that match each trigger's config")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('--runs <n>', 'events per trigger (default 100)', integer('--runs', 1))
    .option('--seed <n>', 'the seed, to replay a run', integer('--seed', -Infinity))
    .option('--junit <file>', 'also write a JUnit XML report, for CI')
    .option('--failures <dir>', 'save failing events there (replayed first next time); default: not saved')
    .action(async (options) => {
      const { testCommand } = await import('./commands/test.js');
      process.exitCode = await testCommand(options);
    });

  program
    .command('serve')
    .description("serve the project's functions with HTTP triggers on a local HTTP server (FC 2.0 proxy paths, FC 3.0 function paths, custom-domain routes)")
    .option('--project <path>', 'the project folder or file (default: the current folder)')
    .option('--port <n>', 'the port (default 9000; 0 picks a free one)', integer('--port', 0))
    .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
    .option('--no-watch', 'do not reload code when it changes')
    .action(async (options) => {
      const { serveCommand } = await import('./commands/serve.js');
      process.exitCode = await serveCommand(options);
    });

  program
    .command('validate')
    .description('check events (JSON files, or - for standard input) against the schema of their trigger')
    .argument('<files...>', 'JSON files, or - to read standard input')
    .option('-t, --type <name>', 'the schema to check against (default: detected from the event; see fc-sim schema)')
    .option('--strict', 'also report fields the schema does not list (typos, fields FC does not send)')
    .option('--json', 'print the outcomes as JSON')
    .action(async (files: string[], options) => {
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(files, options);
    });

  program
    .command('types')
    .description('print (or write) the TypeScript types of every event, context and trigger config')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options) => {
      const { typesCommand } = await import('./commands/types.js');
      process.exitCode = await typesCommand(options);
    });

  program
    .command('schema')
    .description('list the schemas, or print one as JSON Schema')
    .argument('[name]', 'a schema name, e.g. oss')
    .action(async (name: string | undefined) => {
      const { schemaCommand } = await import('./commands/schema.js');
      process.exitCode = await schemaCommand(name);
    });

  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end here too; anything else is a usage error, already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof FcSimError) {
      process.stderr.write(`fc-sim: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}

// `fc-sim oss:put --count 1000 | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
