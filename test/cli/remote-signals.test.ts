/**
 * SIGTERM (what `kill`, `timeout` and CI cancellation send) stops a load run against a deployed function as Ctrl-C
 * does: N events in, N records out, the summary printed, exit 143.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimerEvent } from '../../src/index.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import type { TestServer } from '../remote/helpers/servers.js';
import { startServer } from '../remote/helpers/servers.js';

/** What one test made (its server, its folders), undone when that test ends: the tests run concurrently. */
type Cleanups = Array<() => unknown>;

/** A deployed function that answers each request after 50 ms. */
async function slowTarget(cleanups: Cleanups): Promise<TestServer> {
  const target = await startServer(async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    response.end('ok');
  });
  cleanups.push(() => target.close());
  return target;
}

function tempDir(cleanups: Cleanups): string {
  const dir = mkdtempSync(join(tmpdir(), 'fc-sim-remote-signals-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const outcomes = (file: string) =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { outcome: string }).outcome);

/** Runs fc-sim against the target and sends SIGTERM once it has received 4 requests. */
function terminatedAfterFour(args: string[], target: TestServer) {
  return spawnCli(args, {
    timeoutMs: 30_000,
    onStart: (child) => {
      const poll = setInterval(() => {
        if (target.received < 4) return;
        clearInterval(poll);
        child.kill('SIGTERM');
      }, 5);
    },
  });
}

function expectEveryRecord(run: { status: number | null; stdout: string; stderr: string }, out: string, total: number): void {
  expect(run.status, run.stderr).toBe(143);
  expect(run.stdout).toMatch(new RegExp(`^${total} events to .*\\n  outcomes: `, 'm'));
  const [, done, interrupted, notSent] =
    new RegExp(`fc-sim: interrupted: (\\d+) of ${total} events done, (\\d+) interrupted in flight, (\\d+) not sent; all ${total} records are in `).exec(
      run.stderr,
    ) ?? [];
  expect(Number(done) + Number(interrupted) + Number(notSent)).toBe(total);
  const records = outcomes(out);
  expect(records).toHaveLength(total);
  expect(records.filter((outcome) => outcome === 'not-sent')).toHaveLength(Number(notSent));
  expect(Number(notSent)).toBeGreaterThan(0);
}

describe('SIGTERM during a remote load run', () => {
  it.concurrent('replay --url: every record in --out, the summary, exit 143', async ({ onTestFinished }) => {
    const cleanups: Cleanups = [];
    onTestFinished(async () => {
      for (const cleanup of cleanups) await cleanup();
    });
    const target = await slowTarget(cleanups);
    const dir = tempDir(cleanups);
    for (let index = 0; index < 40; index += 1)
      writeFileSync(join(dir, `e${String(index).padStart(2, '0')}.json`), JSON.stringify(buildTimerEvent({ payload: String(index) })));
    const out = join(tempDir(cleanups), 'results.ndjson');
    const run = await terminatedAfterFour(['replay', dir, '--url', target.origin, '--concurrency', '2', '--out', out], target);
    expectEveryRecord(run, out, 40);
  });

  it.concurrent('<kind> --url --count: the same', async ({ onTestFinished }) => {
    const cleanups: Cleanups = [];
    onTestFinished(async () => {
      for (const cleanup of cleanups) await cleanup();
    });
    const target = await slowTarget(cleanups);
    const out = join(tempDir(cleanups), 'results.ndjson');
    const run = await terminatedAfterFour(['timer', '--url', target.origin, '--count', '30', '--concurrency', '2', '--out', out], target);
    expectEveryRecord(run, out, 30);
  });
});
