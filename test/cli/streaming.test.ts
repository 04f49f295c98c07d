import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMnsEvent, buildTimerEvent } from '../../src/index.js';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnedCliEnvironment } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import type { TestServer } from '../remote/helpers/servers.js';
import { startServer } from '../remote/helpers/servers.js';

const handlers = ['--code-dir', 'fixtures/handlers'];
const dir = tempDir('fc-sim-streaming-');
const timers = (count: number) => Array.from({ length: count }, (_, index) => `${JSON.stringify(buildTimerEvent({ payload: String(index) }))}\n`).join('');
// 1,000 lines, replayed to a server at concurrency 16 and to a local handler one at a time: N in, N out.
const ndjson = join(dir, 'events.ndjson');
writeFileSync(ndjson, timers(1_000));
const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let server: TestServer | undefined;
afterAll(() => server?.close());

describe('N events in, N outcomes out', () => {
  it('replay of a 1,000-line NDJSON file to a 127.0.0.1 server: 1,000 outcomes, 1,000 records', async () => {
    server = await startServer((_request, response) => response.end('{"ok":true}'));
    const out = join(dir, 'remote', 'deep', 'records.ndjson');
    const run = await runCli(['replay', ndjson, '--url', server.origin, '--concurrency', '16', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1000 passed, 0 failed');
    expect(server.received).toBe(1_000);
    const records = lines(readFileSync(out, 'utf8'));
    expect(records).toHaveLength(1_000);
    expect(new Set(records.map((record) => record.event)).size).toBe(1_000);
    expect(records.at(-1)).toMatchObject({ event: `${ndjson}:1000`, outcome: 'success' });
  });

  it('replay of an NDJSON file against a local handler: 1,000 outcomes, one JSON line each with --json', async () => {
    const run = await runCli(['replay', ndjson, '--handler', 'echo.handler', ...handlers, '--json', '--check', 'no-unhandled-error']);
    expect(run.status).toBe(0);
    const records = lines(run.stdout);
    expect(records).toHaveLength(1_000);
    expect(records[999]).toMatchObject({ index: 1_000, event: `${ndjson}:1000`, passed: true, status: 'success', result: { payload: '999' } });
    expect(run.stderr).toContain('1000 passed, 0 failed');
  }, 60_000);

  it('a folder of JSON and NDJSON files, and - for standard input', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), JSON.stringify(buildTimerEvent({ payload: 'a' }), null, 2));
    writeFileSync(join(folder, 'b.ndjson'), timers(3));
    const replayed = await runCli(['replay', folder, '--handler', 'echo.handler', ...handlers]);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout.match(/^✓ /gm)).toHaveLength(4);
    expect(replayed.stdout).toContain(`✓ ${join(folder, 'b.ndjson')}:3: success`);
    const stdin = await runCli(['replay', '-', '--handler', 'echo.handler', ...handlers], { input: timers(3) });
    expect(stdin.stdout).toContain('✓ <stdin>:3: success');
    expect(stdin.stdout).toContain('3 passed, 0 failed');
    const invoked = await runCli(['invoke', '--event', '-', '--handler', 'echo.handler', ...handlers, '--json'], { input: timers(2) });
    expect(invoked.status).toBe(0);
    expect(lines(invoked.stdout).map((record) => [record.event, (record.result as { payload: string }).payload])).toEqual([
      ['<stdin>:1', '0'],
      ['<stdin>:2', '1'],
    ]);
    const validated = await runCli(['validate', folder, '--json']);
    expect(lines(validated.stdout).map((outcome) => outcome.outcome)).toEqual(['valid', 'valid', 'valid', 'valid']);
  });

  it('an event over the payload limit is refused without reading it all, naming the file and the limit', async () => {
    const zero = await runCli(['invoke', '--event', '/dev/zero', '--handler', 'echo.handler', ...handlers]);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('fc-sim: --event /dev/zero: larger than 33554432 bytes, the sync invocation payload limit');
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(buildTimerEvent({ payload: 'x'.repeat(200 * 1024) })));
    const async = await runCli(['replay', big, '--handler', 'echo.handler', ...handlers, '--invocation-type', 'async']);
    expect(async.status).toBe(2);
    expect(async.stderr).toContain(`${big}: larger than 131072 bytes, the async invocation payload limit`);
  });

  it('--json prints a line per event on kinds run against a handler, --out writes them (its folders created)', async () => {
    const out = join(dir, 'reports', 'nested', 'timers.ndjson');
    const run = await runCli(['timer', '--count', '3', '--seed', '1', '--handler', 'echo.handler', ...handlers, '--json', '--out', out]);
    expect(run.status).toBe(0);
    expect(lines(run.stdout).map((record) => record.event)).toEqual(['#1', '#2', '#3']);
    expect(readFileSync(out, 'utf8')).toBe(run.stdout);
  });

  it('test --junit creates the report folder', async () => {
    const junit = join(dir, 'junit', 'deeper', 'report.xml');
    // One function is enough to write a report: the folders are what is under test.
    const run = await runCli(['test', 'fun-service/hello', '--runs', '1', '--junit', junit], { cwd: resolve('fixtures/projects/fun-app') });
    expect(run.status).toBe(0);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites');
  });

  it('validate --type takes a trigger: mns picks mns-json or mns-stream as each event is written', async () => {
    const json = join(dir, 'mns-json.json');
    const stream = join(dir, 'mns-stream.json');
    writeFileSync(json, JSON.stringify(buildMnsEvent()));
    writeFileSync(stream, JSON.stringify(buildMnsEvent({ format: 'STREAM', attributes: { tenant: 't1' } })));
    const run = await runCli(['validate', '--type', 'mns', json, stream]);
    expect(run.stdout).toContain(`✓ ${json}: valid mns-json`);
    expect(run.stdout).toContain(`✓ ${stream}: valid mns-stream`);
    expect(run.status).toBe(0);
  });
});

describe('fuzz --json', () => {
  // One line per event run comes first (test/cli/fuzz-json.test.ts); the run's outcome is the last line.
  const last = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as unknown;
  it("prints the run's outcome as its last JSON line, passed or failed", async () => {
    const passed = await runCli(['fuzz', 'timer', '--handler', 'echo.handler', ...handlers, '--runs', '5', '--seed', '1', '--no-save', '--json']);
    expect(passed.status).toBe(0);
    expect(passed.stdout.trim().split('\n')).toHaveLength(6);
    expect(last(passed.stdout)).toMatchObject({ passed: true, source: 'timer', runs: 5, seed: 1 });
    const failed = await runCli([
      'fuzz',
      'timer',
      '--handler',
      'planted/timer-json-payload.handler',
      ...handlers,
      '--runs',
      '50',
      '--seed',
      '1',
      '--no-save',
      '--json',
    ]);
    expect(failed.status).toBe(1);
    expect(last(failed.stdout)).toMatchObject({ passed: false, check: 'no-unhandled-error', seed: 1, invocation: { status: expect.any(String) } });
  });
});

describe('--count streams', () => {
  it('--count 100000000 | head -1: the first event at once, then a quiet exit when the pipe closes (EPIPE)', async () => {
    const child = spawn(process.execPath, [join(packageRoot, 'dist/src/cli/bin.js'), 'oss:put', '--count', '100000000', '--seed', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: spawnedCliEnvironment(),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const first = await new Promise<string>((resolveLine) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) {
          child.stdout.destroy();
          resolveLine(text.slice(0, text.indexOf('\n')));
        }
      });
    });
    expect(JSON.parse(first)).toHaveProperty('events');
    const [status] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, signal) => done([code, signal])));
    expect(status).toBe(0);
    expect(stderr).toBe('');
  }, 30_000);
});
