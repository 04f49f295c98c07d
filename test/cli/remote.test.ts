import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHttpEvent, buildTimerEvent } from '../../src/index.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import type { TestServer } from '../remote/helpers/servers.js';
import { json, startServer } from '../remote/helpers/servers.js';
import { verifyAcs3, verifyFc2 } from '../remote/helpers/verifier.js';
import { tempDir } from '../helpers/temp-dir.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(handler);
  servers.push(started);
  return started;
}

/** Answers with what it received. */
const echo = () =>
  server((request, response, body) =>
    json(response, 200, { method: request.method, url: request.url, headers: request.headers, body: body.toString() }, { 'x-fc-request-id': 'echo-1' }),
  );

function eventFolder(count: number, event: (index: number) => unknown): string {
  const dir = tempDir('fc-sim-remote-');
  for (let index = 0; index < count; index += 1) writeFileSync(join(dir, `e${String(index).padStart(5, '0')}.json`), JSON.stringify(event(index)));
  return dir;
}

const records = (file: string) =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { index: number; outcome: string; attempts: number; latencyMs: number; event: string });

describe('fc-sim against a deployed function', () => {
  it('http:get --url sends the HTTP event as the real request and prints the response', async () => {
    const target = await echo();
    const run = await runCli(['http:get', '--url', `${target.origin}/2016-08-15/proxy/svc/fn/`, '--path', '/users/42?expand=1', '--header', 'X-Trace: t1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^HTTP 200\n/);
    const body = JSON.parse(run.stdout.slice(run.stdout.indexOf('\n\n') + 2)) as { method: string; url: string; headers: Record<string, string> };
    expect([body.method, body.url, body.headers['x-trace']]).toEqual(['GET', '/2016-08-15/proxy/svc/fn/users/42?expand=1', 't1']);
    expect(run.stderr).toContain('RequestId: echo-1');
  });

  it('replays a folder of 500 events and reports 500 outcomes with latency percentiles and 500 records', async () => {
    const target = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    const dir = eventFolder(500, (index) => buildTimerEvent({ payload: String(index) }));
    const out = join(tempDir('fc-sim-remote-out-'), 'results.ndjson');
    const started = performance.now();
    // Its own process, as a user runs it: the load run and the server each get a core, as with a deployed function.
    const run = await spawnCli(['replay', dir, '--url', `${target.origin}/`, '--concurrency', '32', '--out', out], { timeoutMs: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^500 events to HTTP trigger http:\/\/127\.0\.0\.1:\d+\/: 500 passed, 0 failed in [\d.]+ s \(\d+\/s, concurrency 32\)\n {2}outcomes: success 500\n {2}HTTP status: 200 ×500\n {2}latency: p50 [\d.]+ ms, p90 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms \(500 events sent, 500 requests\)\n$/,
    );
    const lines = records(out);
    expect(lines).toHaveLength(500);
    expect(new Set(lines.map((line) => line.index)).size).toBe(500);
    expect(lines.every((line) => line.outcome === 'success' && line.attempts === 1)).toBe(true);
    expect(target.received).toBe(500);
    // N events in, N outcomes out at a scale where a lost or doubled record shows; throughput is bench/'s (npm run bench).
    // Measured on a 2-core machine: about 1 s for the whole command; a generous bound.
    expect(seconds).toBeLessThan(30);
  }, 60_000);

  it('kind commands with --count and --url: counts by outcome, each failure named, exit 1', async () => {
    let requests = 0;
    const target = await server((_request, response) => {
      requests += 1;
      response.writeHead(requests % 3 === 0 ? 500 : 200);
      response.end(requests % 3 === 0 ? 'broken' : 'ok');
    });
    const dir = tempDir('fc-sim-remote-');
    const out = join(dir, 'results.ndjson');
    const run = await runCli(['oss:put', '--count', '12', '--seed', '3', '--url', target.origin, '--out', out, '--concurrency', '4']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(': 8 passed, 4 failed in ');
    expect(run.stdout).toContain('  outcomes: success 8, http-error 4\n');
    expect(run.stdout).toContain('  HTTP status: 200 ×8, 500 ×4\n');
    expect(run.stdout.match(/^✗ #\d+: http-error: HTTP 500$/gm)).toHaveLength(4);
    // POST is not repeated after a 500: 12 events, 12 requests.
    expect(requests).toBe(12);
    expect(
      records(out)
        .map((line) => line.index)
        .sort((a, b) => a - b),
    ).toEqual([...Array(12).keys()]);
  });

  it('Ctrl-C stops sending, writes a record for every event, says how many were not sent, exits 130', async () => {
    const target = await server(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response.end('ok');
    });
    const dir = eventFolder(200, (index) => buildTimerEvent({ payload: String(index) }));
    const out = join(dir, 'results.ndjson');
    const run = await spawnCli(['replay', dir, '--url', target.origin, '--concurrency', '4', '--out', out], {
      onStart: (child) => {
        const poll = setInterval(() => {
          if (target.received >= 12) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 5);
      },
    });
    expect(run.status).toBe(130);
    const [, done, interrupted, notSent] =
      /fc-sim: interrupted: (\d+) of 200 events done, (\d+) interrupted in flight, (\d+) not sent; all 200 records are in /.exec(run.stderr) ?? [];
    expect(Number(done) + Number(interrupted) + Number(notSent)).toBe(200);
    expect(Number(notSent)).toBeGreaterThan(100);
    const lines = records(out);
    expect(lines).toHaveLength(200);
    expect(lines.filter((line) => line.outcome === 'not-sent')).toHaveLength(Number(notSent));
    expect(lines.filter((line) => line.outcome === 'success')).toHaveLength(Number(done));
  });

  it('replay --url: a missing file among the inputs is a usage error naming it (exit 2)', async () => {
    const target = await echo();
    const dir = tempDir('fc-sim-remote-');
    writeFileSync(join(dir, 'one.json'), JSON.stringify(buildTimerEvent()));
    const missing = await runCli(['replay', join(dir, 'one.json'), join(dir, 'missing.json'), '--url', target.origin]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'missing.json')}: no such file`);
    expect(target.received).toBeLessThanOrEqual(1);
  });

  it('custom runtime: initialize once, then POST /invoke per event', async () => {
    const paths: string[] = [];
    const target = await server((request, response) => {
      paths.push(`${request.url} ${request.headers['x-fc-control-path']}`);
      response.end('{}');
    });
    const run = await runCli([
      'timer',
      '--count',
      '3',
      '--seed',
      '1',
      '--target',
      'custom-runtime',
      '--url',
      target.origin,
      '--initializer',
      'index.init',
      '--concurrency',
      '1',
    ]);
    expect(run.status).toBe(0);
    expect(paths).toEqual(['/initialize /initialize', '/invoke /invoke', '/invoke /invoke', '/invoke /invoke']);
  });

  it('fuzz --url: a failure report replays against the same target', async () => {
    const target = await server((_request, response) => json(response, 200, { errorMessage: 'always' }, { 'x-fc-error-type': 'UnhandledInvocationError' }));
    const run = await runCli(['fuzz', 'timer', '--url', `${target.origin}/fail`, '--runs', '5', '--no-save']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fc-sim: the handler failed "no-unhandled-error" on a timer event');
    expect(run.stdout).toContain('"errorMessage": "always"');
    expect(run.stdout).toContain(`npx fc-sim fuzz timer --url ${target.origin}/fail --seed`);
  });

  it('never shows credentials: not in stdout, stderr or --out, whatever the function echoes or logs', async () => {
    const key = { id: 'STS.fc-sim-test-key-id', secret: 'FcSimTestSecret/With+Chars=', token: 'FcSimTestSecurityToken-0123456789' };
    const secrets = { [key.id]: key.secret };
    // A function that echoes every request header and logs the caller's credentials (it should not know them, but may).
    const target = await server((request, response, body) => {
      const received = { method: request.method!, url: request.url!, headers: request.headers, body };
      const verdict = request.url!.startsWith('/2023-03-30/')
        ? verifyAcs3(received, secrets)
        : request.url!.startsWith('/2016-08-15/services/')
          ? verifyFc2(received, secrets)
          : { ok: true };
      if (!verdict.ok) return json(response, 403, { ErrorCode: 'SignatureNotMatch', ErrorMessage: JSON.stringify(verdict) });
      const log = Buffer.from(`leaked ${key.secret} ${key.token} ${request.headers.authorization}\n`).toString('base64');
      const fail = request.url!.includes('fail');
      json(
        response,
        200,
        { echo: request.headers, note: `secret=${key.secret}` },
        { 'x-fc-log-result': log, 'x-echo-token': key.token, ...(fail ? { 'x-fc-error-type': 'HandledInvocationError' } : {}) },
      );
    });
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: key.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret, ALIBABA_CLOUD_SECURITY_TOKEN: key.token };
    const dir = tempDir('fc-sim-secrets-');
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', 'a.json'), JSON.stringify(buildHttpEvent({ path: '/fail' })));
    const runs = await Promise.all([
      runCli(['timer', '--target', 'invoke-fc2', '--endpoint', target.origin, '--service-name', 'svc', '--function-name', 'fn', '--json'], { env }),
      runCli(['timer', '--target', 'invoke-fc3', '--endpoint', target.origin, '--function-name', 'fn', '--count', '3', '--out', join(dir, 'fc3.ndjson')], {
        env,
      }),
      runCli(['http:post', '--url', `${target.origin}/2016-08-15/proxy/svc/fn`, '--sign', 'fc2', '--body', 'x'], { env }),
      runCli(['replay', join(dir, 'events'), '--url', target.origin, '--sign', 'fc3', '--out', join(dir, 'replay.ndjson'), '--json'], { env }),
      runCli(['oss:put', '--target', 'invoke-fc3', '--endpoint', 'http://127.0.0.1:1', '--function-name', 'fn', '--retries', '0'], { env }),
    ]);
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 1, 1]);
    const written = [
      ...runs.flatMap((run) => [run.stdout, run.stderr]),
      readFileSync(join(dir, 'fc3.ndjson'), 'utf8'),
      readFileSync(join(dir, 'replay.ndjson'), 'utf8'),
    ].join('\n');
    for (const secret of [key.secret, encodeURIComponent(key.secret), key.token]) expect(written).not.toContain(secret);
    expect(written).not.toMatch(/FC STS\.fc-sim-test-key-id:[A-Za-z0-9+/]/);
    expect(written).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(written).toContain('leaked *** ***');
    expect(written).toContain('"x-acs-security-token":"***"');
    expect(runs[4]!.stdout + runs[4]!.stderr).toContain('ECONNREFUSED');
  });

  it.each([
    [['fuzz', 'oss'], "required option '--handler <handler>' not specified"],
    [['oss:put', '--target', 'custom-runtime'], '--target custom-runtime needs --url'],
    [['oss:put', '--target', 'invoke-fc3', '--function-name', 'f'], '--target invoke-fc3 needs --endpoint, or --account-id and --region'],
    [['oss:put', '--target', 'invoke-fc2', '--endpoint', 'http://127.0.0.1:1', '--function-name', 'f'], '--target invoke-fc2 needs --service-name'],
    [['oss:put', '--target', 'invoke-fc3', '--endpoint', 'http://127.0.0.1:1', '--function-name', 'f'], '--target invoke-fc3 needs credentials'],
    [['oss:put', '--handler', 'echo.handler', '--concurrency', '2'], '--concurrency: only for a deployed function'],
    [['oss:put', '--url', 'ftp://x'], '--url: only http: and https: URLs'],
    [['oss:put', '--url', 'http://127.0.0.1:1', '--request-timeout', 'soon'], '--request-timeout: expected a duration'],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
