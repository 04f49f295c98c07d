import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FcSimError } from '../../errors.js';
import { junitXml } from '../../project/junit.js';
import { onPlatform } from '../../project/function-runtime.js';
import { loadProject, projectName } from '../../project/load.js';
import type { Tally, TriggerResult } from '../../project/project-test.js';
import { testProject } from '../../project/project-test.js';
import { parseShard, selectTriggers, shardOf } from '../../project/select.js';
import type { FunctionFlags } from '../function-options.js';
import { platformFlag } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import { writeProjectProblems } from '../project-problems.js';
import { checkOutputFile, checkOutputFolder } from '../output-paths.js';
import { FAST_CHECK_PATH } from '../../testing/check-handler.js';
import { commandLine } from '../../testing/replay-command.js';
import { junitOnStop } from '../test-interrupt.js';
import { noteTypeScriptFunctions } from '../typescript-handler.js';

export interface TestCommandOptions extends Pick<FunctionFlags, 'platform' | 'fc2' | 'fc3'> {
  project?: string;
  /** The project file in the folder, as `s -t` takes it. */
  template?: string;
  /** `--env <name>`: an environment of the project's env.yaml. */
  env?: string;
  runs?: number;
  seed?: number;
  junit?: string;
  failures?: string;
  /** `--shard i/n`: this machine's part of the function/trigger pairs. */
  shard?: string;
  /** Exit 0 when no trigger ran (vitest's --passWithNoTests). */
  passWithNoTests?: boolean;
  /** With --seed and one `<function>/<trigger>`: the path a failure report gives, that one event. */
  path?: string;
}

/** The flags that chose the project and its platform, as the commands a report prints repeat them. */
function projectWords(options: TestCommandOptions): string[] {
  const platform = platformFlag(options);
  return [
    ...(options.project === undefined ? [] : ['--project', options.project]),
    ...(options.template === undefined ? [] : ['--template', options.template]),
    ...(options.env === undefined ? [] : ['--env', options.env]),
    ...(platform === undefined ? [] : ['--platform', platform]),
  ];
}

/** `npx fc-sim test <function>/<trigger> --seed S --path P`: one trigger's run again, one event of it. */
function rerunCommand(options: TestCommandOptions): (selector: string, seed: number, path: string) => string {
  return (selector, seed, path) => `npx fc-sim test ${commandLine([selector, ...projectWords(options), '--seed', String(seed), '--path', path])}`;
}

/** A path is one event of one trigger's run: with --seed, and one function/trigger pair selected. */
function checkPath(options: TestCommandOptions, pairs: number): void {
  if (options.path === undefined) return;
  if (options.seed === undefined)
    throw new FcSimError(
      'E_USAGE',
      '--path: only with --seed (a path is a place in the run of one seed)',
      'copy both from the failure report: --seed S --path P',
    );
  if (!FAST_CHECK_PATH.test(options.path))
    throw new FcSimError(
      'E_USAGE',
      `--path: expected numbers separated by colons, e.g. 0:1:3, got ${JSON.stringify(options.path)}`,
      'copy it from the failure report',
    );
  if (pairs !== 1) {
    throw new FcSimError(
      'E_USAGE',
      `--path: names one event of one trigger's run, but ${pairs} triggers are selected`,
      'select one: fc-sim test <function>/<trigger> --seed S --path P (the failure report prints it)',
    );
  }
}

const times = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key} ×${count}`)
    .join(', ');

/**
 * What the invocations gave, counted, and a hint when every HTTP response was a 404: a function that answers every
 * request "Cannot GET /…" passes the checks, yet its routes do not match the paths it was sent.
 */
function tallyLines(tally: Tally | undefined): string {
  if (!tally || Object.keys(tally.outcomes).length === 0) return '';
  let text = `    outcomes: ${times(tally.outcomes)}\n`;
  const statuses = Object.keys(tally.httpStatuses);
  if (statuses.length === 0) return text;
  text += `    HTTP status: ${times(tally.httpStatuses)}\n`;
  if (statuses.length === 1 && statuses[0] === '404') {
    const body = tally.httpBodies['404']?.trim();
    text +=
      `    hint: every response was 404${body ? ` (e.g. ${JSON.stringify(body)})` : ''}: the function's routes probably do not match ` +
      "the paths fc-sim generates from the trigger; check the routes' base path (FC passes the path after the function's, e.g. /users, not /api/users)\n";
  }
  return text;
}

function line(result: TriggerResult): string {
  const what = `${result.function} ← ${result.trigger} (${result.type})`;
  if (result.outcome === 'skipped') return `- ${what}: skipped: ${result.detail}\n`;
  const rejected = result.rejected ? `; ${result.rejected.count} events outside its filter (${result.rejected.reason}) would not invoke it` : '';
  if (result.outcome === 'passed') return `✓ ${what}: ${result.detail} in ${(result.durationMs / 1000).toFixed(2)} s${rejected}\n${tallyLines(result.tally)}`;
  return `✗ ${what}:\n${result.detail.replace(/^/gm, '    ')}\n${tallyLines(result.tally)}`;
}

/**
 * `fc-sim test [<function>[/<trigger>] …]`: the contract checks of the project's functions and triggers (all, or
 * those named; `--shard i/n` this machine's part), one report (and JUnit XML). Nothing green when nothing ran: no
 * trigger run is exit 1 unless `--pass-with-no-tests`, and every skip says why.
 */
export async function testCommand(selectors: readonly string[], options: TestCommandOptions, io: CommandIo): Promise<number> {
  // What is printed passes the redactor what is written does (signed Authorization values a function echoes).
  io.guard();
  if (options.junit) checkOutputFile('--junit', options.junit, pathIn(io, options.junit));
  if (options.failures) checkOutputFolder('--failures', options.failures, pathIn(io, options.failures));
  const project = onPlatform(
    loadProject(options.project ?? '.', { cwd: io.cwd, env: io.env, template: options.template, environment: options.env }),
    platformFlag(options),
  );
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const selected = selectTriggers(project, selectors);
  const only = shard ? shardOf(selected, shard) : selected;
  const pairs = only.reduce((sum, { triggers }) => sum + triggers.length, 0);
  checkPath(options, pairs);
  const scope =
    selectors.length > 0 || shard ? `; running ${pairs} trigger${pairs === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.count})` : ''}` : '';
  io.stdout.write(`fc-sim test: ${relative(io.cwd, project.file) || project.file}, ${project.functions.length} functions${scope}\n`);
  writeProjectProblems(project, io);
  // Written at the end, or on a stop signal with what ran by then.
  const writeJunit = (results: TriggerResult[]) => {
    if (!options.junit) return;
    try {
      // Through the same redactor as stdout: a report committed or uploaded by CI must not carry a secret.
      writeFileSync(pathIn(io, options.junit), io.redactor.redact(junitXml(projectName(project), results)));
    } catch (error) {
      throw new FcSimError('E_WRITE', `--junit ${options.junit}: cannot write: ${(error as Error).message}`);
    }
    io.stdout.write(`JUnit XML written to ${options.junit}\n`);
  };
  noteTypeScriptFunctions(
    only.map(({ fn }) => fn),
    io,
  );
  const finished: TriggerResult[] = [];
  const stop = options.junit ? junitOnStop(only, finished, writeJunit, (text) => io.stderr.write(text)) : undefined;
  const results = await testProject(project, {
    only,
    ...(options.runs === undefined ? {} : { runs: options.runs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.failures === undefined ? {} : { failuresDir: pathIn(io, options.failures) }),
    rerun: rerunCommand(options),
    replayArgs: (fn) => commandLine(['--function', fn, ...projectWords(options)]),
    onResult: (result) => {
      finished.push(result);
      stop?.resultCame();
      io.stdout.write(line(result));
    },
  }).finally(() => stop?.stopListening());
  const count = (outcome: TriggerResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  io.stdout.write(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped\n`);
  const nothingRan = count('passed') + count('failed') === 0;
  if (nothingRan) {
    io.stderr.write(
      `fc-sim test: no trigger ran${project.functions.length === 0 ? ` (${relative(io.cwd, project.file) || project.file} has no functions fc-sim reads: fc-sim lint says why)` : ''}${
        options.passWithNoTests ? '' : '; exit 1 (--pass-with-no-tests to accept that)'
      }\n`,
    );
  }
  writeJunit(results);
  return count('failed') > 0 || (nothingRan && !options.passWithNoTests) ? 1 : 0;
}
