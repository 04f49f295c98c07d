/**
 * Pasted from the same folder, the commands `fc-sim fuzz` prints reproduce the failure it found: the function's
 * settings travel with them (here the code folder and the environment the bug needs), and the seed and path name
 * the same event whether or not the failure was saved.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import type { CliRun } from '../helpers/run-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A printed command as the shell splits it (single and double quotes; `npx fc-sim` dropped). */
function argv(command: string): string[] {
  const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|"([^"]*)"|(\S+)/g)].map(([, single, double, plain]) =>
    single !== undefined ? single.replace(/'\\''/g, "'") : (double ?? plain!),
  );
  expect(words.slice(0, 2)).toEqual(['npx', 'fc-sim']);
  return words.slice(2);
}

/** The command on a report's `label:` line (fc-sim test indents the report). */
function printed(run: CliRun, label: 'this event' | 'this run'): string {
  const [, command] = new RegExp(`^ +${label}: +(.*)$`, 'm').exec(run.stdout) ?? [];
  if (!command) throw new Error(`no "${label}" command in:\n${run.stdout}`);
  return command;
}

const shrunkEvent = (run: CliRun) => /Event \(shrunk\):\n([\s\S]*?)\n\n/.exec(run.stdout)?.[1];

describe('fc-sim fuzz: the printed commands reproduce the failure', () => {
  let cwd: string;
  const fuzz = ['fuzz', 'timer', '--handler', 'strict.handler', '--code-dir', 'code', '--env', 'MODE=strict', '--timeout', '5', '--memory', '256'];
  beforeAll(() => {
    // A project folder of the user's: the code in code/, failures saved in fixtures/failures/ there.
    cwd = tempDir('fc-sim-reproduce-cli-');
    mkdirSync(join(cwd, 'code'));
    copyFileSync(join(packageRoot, 'fixtures/handlers/planted/strict-mode-payload.js'), join(cwd, 'code/strict.js'));
  });

  it('the run command finds the same event before the failure is saved, and after', async () => {
    const found = await runCli([...fuzz, '--runs', '50', '--seed', '3', '--no-save'], { cwd });
    expect(found.status).toBe(1);
    expect(found.stdout).not.toContain('this event:');
    const command = printed(found, 'this run');
    expect(command).toMatch(/^npx fc-sim fuzz timer --handler strict\.handler --code-dir code --timeout 5 --memory 256 --env MODE=strict --seed 3 --path \S+$/);
    // Pasted, it finds the same event, and saves it (fuzz saves by default).
    const again = await runCli(argv(command), { cwd });
    expect(again.status).toBe(1);
    expect(shrunkEvent(again)).toBe(shrunkEvent(found));
    expect(readdirSync(join(cwd, 'fixtures/failures'))).toHaveLength(1);
    // Saved failures are replayed apart from the run: the seed and path still name the same event.
    const afterSaving = await runCli(argv(command), { cwd });
    expect(afterSaving.status).toBe(1);
    expect(shrunkEvent(afterSaving)).toBe(shrunkEvent(found));
    expect(readdirSync(join(cwd, 'fixtures/failures'))).toHaveLength(1);
  });

  it('once saved, a run replays it first, and its event command fails the same way', async () => {
    const run = await runCli([...fuzz, '--runs', '50', '--seed', '4'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /failed "no-unhandled-error" on a saved timer event \(\S*fixtures\/failures\/timer-no-unhandled-error-\w+\.json\), replayed first/,
    );
    const command = printed(run, 'this event');
    const event = await runCli(argv(command), { cwd });
    expect(event.status).toBe(1);
    expect(event.stdout).toMatch(/✗ \S*fixtures\/failures\/timer-no-unhandled-error-\w+\.json: no-unhandled-error: unhandled error UserCodeSyntaxError/);
    // Without the function's environment the same event passes: the settings in the command are what reproduce it.
    const bare = argv(command).filter((word, index, words) => word !== '--env' && words[index - 1] !== '--env');
    expect((await runCli(bare, { cwd })).status).toBe(0);
  });

  it('a handler that cannot be loaded is a setup error: exit 2, once, nothing shrunk or saved', async () => {
    const dir = join(cwd, 'setup-failures');
    mkdirSync(dir);
    const run = await runCli(['fuzz', 'oss', '--handler', 'strict.hanlder', '--code-dir', 'code', '--runs', '50', '--failures', dir], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("fc-sim: the function cannot start: the handler cannot be loaded: HandlerNotFound: Handler 'hanlder' is missing");
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('fc-sim test: per function and trigger, with the command that reruns exactly it', () => {
  const project = join(packageRoot, 'fixtures/projects/corpora-app');
  let failures: string;
  beforeAll(() => {
    failures = tempDir('fc-sim-reproduce-test-');
  });

  it('prints `fc-sim test <function>/<trigger> --seed S --path P`, which finds the same event before and after saving', async () => {
    const found = await runCli(['test', '--runs', '30', '--seed', '5'], { cwd: project });
    expect(found.status).toBe(1);
    const command = printed(found, 'this run');
    expect(command).toMatch(/^npx fc-sim test uploads\/new-upload --seed 5 --path \S+$/);
    const rerun = await runCli(argv(command), { cwd: project });
    expect(rerun.status).toBe(1);
    expect(rerun.stdout).toContain('running 1 trigger');
    expect(shrunkEvent(rerun)).toBe(shrunkEvent(found));

    const saving = await runCli([...argv(command), '--failures', failures], { cwd: project });
    expect(saving.status).toBe(1);
    expect(readdirSync(failures)).toEqual([expect.stringMatching(/^oss-no-unhandled-error-\w+\.json$/)]);
    const afterSaving = await runCli([...argv(command), '--failures', failures], { cwd: project });
    expect(shrunkEvent(afterSaving)).toBe(shrunkEvent(found));
    // The saved event alone, with the function's settings from the project.
    const eventCommand = printed(saving, 'this event');
    expect(eventCommand).toMatch(/^npx fc-sim replay \S+oss-no-unhandled-error-\w+\.json --function uploads$/);
    const event = await runCli(argv(eventCommand), { cwd: project });
    expect(event.status).toBe(1);
    expect(event.stdout).toContain('no-unhandled-error: unhandled error URIError: URI malformed');
  });

  it('fuzz --function: the printed commands name the function, and reproduce it', async () => {
    const found = await runCli(['fuzz', 'oss', '--function', 'uploads', '--env', 'STAGE=test', '--runs', '50', '--seed', '5', '--failures', failures], {
      cwd: project,
    });
    expect(found.status).toBe(1);
    const command = printed(found, 'this run');
    expect(command).toMatch(/^npx fc-sim fuzz oss --function uploads --env STAGE=test --seed 5 --path \S+$/);
    expect(shrunkEvent(await runCli([...argv(command), '--no-save'], { cwd: project }))).toBe(shrunkEvent(found));
    const event = await runCli(argv(printed(found, 'this event')), { cwd: project });
    expect(event.status).toBe(1);
    expect(event.stdout).toContain('URIError: URI malformed');
  });

  it('a saved failure is replayed into its own function and trigger only', async () => {
    const run = await runCli(['test', '--runs', '30', '--seed', '6', '--failures', failures], { cwd: project });
    expect(run.status).toBe(1);
    // uploads fails first on its saved event; docs, whose events are docs/ keys only, never sees it.
    expect(run.stdout).toMatch(/✗ uploads ← new-upload \(oss\):\n {4}fc-sim: the handler failed "no-unhandled-error" on a saved oss event/);
    expect(run.stdout).toMatch(/✓ docs ← new-doc \(oss\): 30 events passed/);
    expect(readdirSync(failures)).toHaveLength(2);
  });

  it('a function that cannot start fails its trigger once as a setup error, nothing shrunk or saved', async () => {
    const dir = tempDir('fc-sim-reproduce-setup-');
    const run = await runCli(['test', 'typo', '--runs', '20', '--failures', dir], { cwd: project });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "✗ typo ← hourly (timer):\n    setup error: the function cannot start: the handler cannot be loaded: HandlerNotFound: Handler 'upload' is missing",
    );
    expect(run.stdout).not.toContain('Event (shrunk)');
    expect(run.stdout).toContain('outcomes: unhandled-error ×2\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--path names one event of one trigger: with --seed and one <function>/<trigger>', async () => {
    const many = await runCli(['test', 'uploads', 'docs', '--seed', '5', '--path', '0:1'], { cwd: project });
    expect(many.status).toBe(2);
    expect(many.stderr).toContain("--path: names one event of one trigger's run, but 2 triggers are selected");
    const unseeded = await runCli(['test', 'uploads/new-upload', '--path', '0:1'], { cwd: project });
    expect(unseeded.status).toBe(2);
    expect(unseeded.stderr).toContain('--path: only with --seed');
  });
});
