import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const project = resolve('fixtures/projects/functions-by-name');

describe('fc-sim test <function>[/<trigger>] …, --shard, nothing green when nothing ran', () => {
  it('runs only the trigger a selector names, with a tally of outcomes', async () => {
    const run = await runCli(['test', 'hello/hourly', '--runs', '5'], { cwd: project });
    expect(run.stdout).toMatch(/^fc-sim test: s\.yaml, 5 functions; running 1 trigger\n/);
    expect(run.stdout).toMatch(/^✓ hello ← hourly \(timer\): 5 events passed/m);
    expect(run.stdout).toContain('    outcomes: success ×5\n');
    expect(run.stdout).not.toContain('uploads');
    expect(run.stdout).toMatch(/1 passed, 0 failed, 0 skipped\n$/);
    expect(run.status).toBe(0);
  });

  it('counts HTTP statuses and says why when every response was a 404', async () => {
    const run = await runCli(['test', 'router', '--runs', '8'], { cwd: project });
    expect(run.stdout).toContain('    HTTP status: 404 ×8\n');
    expect(run.stdout).toMatch(/hint: every response was 404 \(e\.g\. "Cannot (GET|POST) \/[^"]*"\): the function's routes probably do not match/);
  });

  it('refuses an unknown function or trigger, listing the names there are', async () => {
    const unknown = await runCli(['test', 'nope'], { cwd: project });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no function "nope" in');
    expect(unknown.stderr).toContain('functions: hello, router, quiet, web, layered');
    const trigger = await runCli(['test', 'hello/daily'], { cwd: project });
    expect(trigger.status).toBe(2);
    expect(trigger.stderr).toContain('function hello has no trigger "daily"');
    expect(trigger.stderr).toContain('triggers: hourly, uploads');
  });

  it('exits 1 when no trigger ran, naming the skip, unless --pass-with-no-tests', async () => {
    const run = await runCli(['test', 'quiet'], { cwd: project });
    expect(run.stdout).toContain('- quiet ← - (-): skipped: no triggers');
    expect(run.stderr).toContain('no trigger ran; exit 1 (--pass-with-no-tests to accept that)');
    expect(run.status).toBe(1);
    expect((await runCli(['test', 'quiet', '--pass-with-no-tests'], { cwd: project })).status).toBe(0);
  });

  it('splits the function/trigger pairs across shards: each in exactly one', async () => {
    const lines = async (shard: string) => {
      const run = await runCli(['test', '--runs', '1', '--shard', shard, 'hello', 'quiet'], { cwd: project });
      return run.stdout.split('\n').filter((line) => /^[✓✗-] /.test(line));
    };
    const [first, second] = [await lines('1/2'), await lines('2/2')];
    // Three pairs in two shards: 2 and 1, in the project's order.
    expect(first.map((line) => line.split(' (')[0])).toEqual(['✓ hello ← hourly', '✓ hello ← uploads']);
    expect(second).toEqual(['- quiet ← - (-): skipped: no triggers']);
    const bad = await runCli(['test', '--shard', '3/2'], { cwd: project });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shard: expected i/n with 1 ≤ i ≤ n, got "3/2"');
  });
});
