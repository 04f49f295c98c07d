import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('fc-sim-invoke-');
const write = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('fc-sim <kind> --handler', () => {
  it('prints the handler’s result on stdout, its FC logs and the summary on stderr', async () => {
    const run = await runCli(['oss:put', '--handler', './fixtures/handlers/echo.handler', '--bucket', 'photos']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).events[0].oss.bucket.name).toBe('photos');
    const lines = run.stderr.trim().split('\n');
    const id = /^FC Invoke Start RequestId: (\S+)$/.exec(lines[0]!)?.[1];
    expect(id).toMatch(/^1-[0-9a-f]{8}-/);
    expect(lines[1]).toBe('load code for handler:./fixtures/handlers/echo.handler');
    expect(lines[2]).toMatch(new RegExp(`^\\S+Z ${id} \\[verbose\\] got \\d+ bytes, Buffer: true$`));
    expect(lines[3]).toBe(`FC Invoke End RequestId: ${id}`);
    expect(lines[4]).toMatch(
      new RegExp(`^RequestId: ${id} {2}Duration: [\\d.]+ ms {2}Billed Duration: \\d+ ms {2}Memory Size: 512 MB {2}Max Memory Used: \\d+ MB$`),
    );
  });

  it('exits 1 on a function error, printing FC’s error body', async () => {
    const run = await runCli(['timer', '--handler', 'fixtures/handlers/throws.handler', '--runtime', 'nodejs16']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ errorMessage: 'oops', errorType: 'FunctionUnhandledError: Error' });
    expect(run.stderr).toMatch(/FC Invoke End RequestId: \S+, Error: Unhandled function error/);
  });

  it('warns when nodejs16 ignores an async result, and times out at --timeout', async () => {
    const run = await runCli(['sls', '--handler', 'fixtures/handlers/async-return.handler', '--runtime', 'nodejs16', '--timeout', '1']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fc-sim: warning: nodejs16 ignores what an async handler returns');
    expect(run.stderr).toContain('Function timed out after 1 seconds');
  });

  it('runs --count events on one warm instance and reports each', async () => {
    const run = await runCli(['mns:json', '--count', '3', '--seed', '1', '--handler', 'counter.handler', '--code-dir', 'fixtures/handlers', '--json']);
    expect(run.status).toBe(0);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((record) => record.result.invocations)).toEqual([1, 2, 3]);
    expect(new Set(records.map((record) => record.result.pid)).size).toBe(1);
    expect(records[0]).toMatchObject({ status: 'success', memorySizeMb: 512, logs: expect.any(Array) });
  });

  it('gives the function its configuration from flags, --env and --config', async () => {
    const config = write('fc-sim.json', JSON.stringify({ functionName: 'from-file', memorySize: 1024, environment: { GREETING: 'file' } }));
    const run = await runCli([
      'timer',
      '--handler',
      'context.handler',
      '--code-dir',
      'fixtures/handlers',
      '--config',
      config,
      '--env',
      'GREETING=flag',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const { result } = JSON.parse(run.stdout);
    expect(result.context.function).toMatchObject({ name: 'from-file', memory: 1024 });
    expect(result.env.GREETING).toBe('flag');
  });

  it('answers HTTP kinds with the HTTP response, FC 3.0 and FC 2.0', async () => {
    const fc3 = await runCli(['http:post', '--handler', 'fixtures/handlers/fc3-http.handler', '--path', '/items']);
    expect(fc3.status).toBe(0);
    expect(fc3.stdout).toMatch(/^HTTP 201\nContent-Type: application\/json\n\n\{"path":"\/items"/);
    const fc2 = await runCli(['http:get', '--fc2', '--handler', 'fixtures/handlers/fc2-http.handler', '--path', '/x?a=1']);
    expect(fc2.status).toBe(0);
    expect(fc2.stdout).toMatch(/^HTTP 201\n/);
    expect(JSON.parse(fc2.stdout.split('\n\n')[1]!)).toMatchObject({ method: 'GET', path: '/x', queries: { a: '1' } });
  });
});

describe('fc-sim invoke', () => {
  it('hands the handler the file’s bytes as they are (a raw MNS STREAM body too)', async () => {
    const run = await runCli(['invoke', '--handler', 'fixtures/handlers/result-types.handler', '--event', '-'], { input: 'string' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('plain text\n');
    const file = await runCli(['invoke', '--handler', 'fixtures/handlers/echo.handler', '--event', 'fixtures/events/timer/fc3-docs-timer.json']);
    expect(JSON.parse(file.stdout)).toMatchObject({ triggerName: 'timer-trigger' });
  });

  it('takes HTTP events with --http', async () => {
    const event = (await runCli(['http:get', '--path', '/hello'])).stdout;
    const run = await runCli(['invoke', '--http', '--handler', 'fixtures/handlers/fc3-http.handler', '--event', write('http.json', event)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^HTTP 200\n/);
  });

  it('runs a deprecated runtime (nodejs8, still in Fun templates) as nodejs12, with a warning, not an error', async () => {
    const run = await runCli(['invoke', '--handler', 'fixtures/node-runtimes/versions/index.handler', '--event', '-', '--runtime', 'nodejs8'], { input: '{}' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 'v12.22.1' });
    expect(run.stderr).toMatch(/warning: nodejs8 is deprecated in FC; fc-sim runs it as nodejs12/);
  });

  it.each([
    [['invoke', '--event', 'x.json'], "required option '--handler <handler>' not specified"],
    [['invoke', '--handler', 'echo.handler', '--event', 'missing.json'], '--event missing.json: no such file'],
    [['invoke', '--handler', 'echo.handler', '--event', '-', '--runtime', 'nodejs7'], 'unknown runtime "nodejs7"'],
    [['invoke', '--handler', 'echo.handler', '--event', '-', '--timeout', '0'], '--timeout: "0" is not a value FC takes: FC takes 1–86400 seconds'],
    [['invoke', '--handler', 'echo.handler', '--event', '-', '--http'], '<stdin>:1:1: not valid JSON'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const run = await runCli(args, { input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
