import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const handlers = ['--code-dir', 'fixtures/handlers'];

describe('fc-sim fuzz', () => {
  it('exits 0 when every event passes', async () => {
    const run = await runCli(['fuzz', 'oss', '--handler', 'echo.handler', ...handlers, '--runs', '200', '--no-save', '--seed', '5']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('✓ echo.handler: 200 oss events passed; seed 5\n');
  });

  it('exits 1 with the report, saves the shrunk event, and replays the run from its seed and path', async () => {
    const dir = tempDir('fc-sim-fuzz-');
    const run = await runCli(['fuzz', 'mns', '--handler', 'planted/mns-stream-json.handler', ...handlers, '--runs', '200', '--failures', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^fc-sim: the handler failed "no-unhandled-error" on a mns event after \d+ runs? \(shrunk \d+ times?\):/);
    expect(run.stdout).toContain('Event (shrunk):\n""\n');
    expect(readdirSync(dir)).toHaveLength(1);
    const [, seed, path] = /--seed (-?\d+) --path (\S+)/.exec(run.stdout)!;
    const replayed = await runCli(['fuzz', 'mns', '--handler', 'planted/mns-stream-json.handler', ...handlers, '--seed', seed!, '--path', path!, '--no-save']);
    expect(replayed.status).toBe(1);
    expect(replayed.stdout).toContain('Event (shrunk):\n""\n');
  });

  it('runs the checks named with --check, and kinds as well as triggers', async () => {
    const idempotent = await runCli([
      'fuzz',
      'oss:put',
      '--handler',
      'planted/counter-result.handler',
      ...handlers,
      '--runs',
      '20',
      '--no-save',
      '--check',
      'idempotent',
    ]);
    expect(idempotent.status).toBe(1);
    expect(idempotent.stdout).toContain('failed "idempotent" on a oss:put event');
    expect((await runCli(['fuzz', 'http:post', '--handler', 'fc3-http.handler', ...handlers, '--runs', '30', '--no-save'])).status).toBe(0);
  });

  it.each([
    [['fuzz', 'osss', '--handler', 'echo.handler'], 'unknown trigger or kind "osss"'],
    [['fuzz', 'oss', '--handler', 'echo.handler', '--check', 'no-errors'], '--check: unknown check "no-errors"'],
    [['fuzz', 'oss'], "required option '--handler <handler>' not specified"],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('fc-sim replay', () => {
  it('replays saved failures and plain event files, reporting each, exit 1 when one fails', async () => {
    const dir = tempDir('fc-sim-replay-');
    await runCli(['fuzz', 'timer', '--handler', 'planted/timer-json-payload.handler', ...handlers, '--runs', '50', '--failures', dir]);
    writeFileSync(join(dir, 'timer-ok.json'), (await runCli(['timer', '--payload', '{"name":"nightly"}'])).stdout);
    const run = await runCli(['replay', dir, '--handler', 'planted/timer-json-payload.handler', ...handlers]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('✗ '))).toEqual([
      expect.stringMatching(/timer-no-unhandled-error-\w+\.json: no-unhandled-error: unhandled error UserCodeSyntaxError/),
    ]);
    expect(lines.filter((line) => line.startsWith('✓ '))).toEqual([expect.stringMatching(/timer-ok\.json: success/)]);
    expect(run.stdout).toContain('1 passed, 1 failed');
    expect((await runCli(['replay', join(dir, 'timer-ok.json'), '--handler', 'planted/timer-json-payload.handler', ...handlers])).status).toBe(0);
  });

  it('delivers saved HTTP events as HTTP requests', async () => {
    const dir = tempDir('fc-sim-replay-http-');
    writeFileSync(join(dir, 'get.json'), (await runCli(['http:get'])).stdout);
    const run = await runCli(['replay', dir, '--handler', 'fc3-http.handler', ...handlers]);
    expect(run.status).toBe(0);
  });

  it('exits 2 when there is nothing to replay', async () => {
    const run = await runCli(['replay', tempDir('fc-sim-empty-'), '--handler', 'echo.handler']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no JSON files in');
  });
});
