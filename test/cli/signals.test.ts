/**
 * Stopping fc-sim with a signal sent to its process only (as `kill`, `timeout` and CI cancellation do; not to its
 * group as a terminal's Ctrl-C does): every command that runs a handler exits within a second with the signal's status,
 * and neither the instance, blocked for good (its event loop never runs again), nor the process its handler spawned survives (checked in /proc).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fileText, waitGone } from '../helpers/processes.js';
import type { SpawnedCliRun } from '../helpers/spawn-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

/** Instances run in FC's environment, without the test run's TMPDIR: their os.tmpdir() is /tmp. */
const INSTANCE_TMPDIR = '/tmp';

const PROJECT = 'fixtures/projects/spinning-app';
/**
 * fc-sim stops within a second (12–230 ms measured on a quiet machine); five runs at once on a loaded 2-core machine
 * once took longer. The bound keeps room for that and still fails the stop that waits for the handler's 60 s timeout.
 */
const STOP_BOUND_MS = 5_000;

const HANDLER = ['--handler', 'index.handler', '--code-dir', `${PROJECT}/code`, '--runtime', 'nodejs18', '--timeout', '60'];

interface Stopped {
  run: SpawnedCliRun;
  pids: { instance: number; spawned: number };
  /** From the signal to fc-sim's exit. */
  stoppedMs: number;
}

/** Runs fc-sim until its handler spins (it writes its process ids), then sends `signal` to fc-sim's process only. */
async function stopWhileSpinning(args: string[], signal: NodeJS.Signals, onSpinning?: (url: string | undefined) => void): Promise<Stopped> {
  let pids: Stopped['pids'] | undefined;
  let signalledAt = 0;
  let file = '';
  const run = await spawnCli(args, {
    input: '{}',
    timeoutMs: 40_000,
    onStart: (child) => {
      file = join(INSTANCE_TMPDIR, `fc-sim-spin-${child.pid}.json`);
      let printed = '';
      child.stdout!.on('data', (chunk: Buffer | string) => {
        printed += String(chunk);
        const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
        if (url && onSpinning) {
          onSpinning(url);
          onSpinning = undefined;
        }
      });
      // Never spinning: stopped all the same (SIGTERM: fc-sim ends its instances, unlike spawnCli's SIGKILL at timeoutMs).
      fileText(file, 30_000).then(
        (text) => {
          pids = JSON.parse(text) as Stopped['pids'];
          signalledAt = performance.now();
          child.kill(signal);
        },
        () => child.kill('SIGTERM'),
      );
    },
  });
  const stoppedMs = performance.now() - signalledAt;
  rmSync(file, { force: true });
  expect(pids, run.stderr).toBeDefined();
  return { run, pids: pids!, stoppedMs };
}

async function expectStopped({ run, pids, stoppedMs }: Stopped, signal: NodeJS.Signals): Promise<void> {
  expect(run.status, run.stderr).toBe(128 + constants.signals[signal]);
  expect(stoppedMs).toBeLessThan(STOP_BOUND_MS);
  await waitGone([pids.instance, pids.spawned]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

// Five fc-sim processes, each starting an instance: on a loaded 2-core machine that alone can take 10 s.
describe('fc-sim stopped by a signal to its process', { timeout: 45_000 }, () => {
  it.concurrent('invoke: SIGTERM', async () => {
    await expectStopped(await stopWhileSpinning(['invoke', ...HANDLER, '--event', '-'], 'SIGTERM'), 'SIGTERM');
  });

  it.concurrent('<kind> --handler: SIGINT', async () => {
    await expectStopped(await stopWhileSpinning(['timer', ...HANDLER], 'SIGINT'), 'SIGINT');
  });

  it.concurrent('fuzz: SIGHUP', async () => {
    await expectStopped(await stopWhileSpinning(['fuzz', 'timer', ...HANDLER, '--runs', '1', '--no-save'], 'SIGHUP'), 'SIGHUP');
  });

  it.concurrent('test: SIGTERM', async () => {
    await expectStopped(await stopWhileSpinning(['test', '--project', PROJECT], 'SIGTERM'), 'SIGTERM');
  });

  it.concurrent('serve: SIGTERM stops it cleanly (exit 0) while a request spins', async () => {
    let request: Promise<unknown> | undefined;
    const stopped = await stopWhileSpinning(['serve', '--port', '0', '--project', PROJECT, '--no-watch'], 'SIGTERM', (url) => {
      request = fetch(`${url}/2023-03-30/functions/spin/`).catch((error: unknown) => error);
    });
    expect(stopped.run.status, stopped.run.stderr).toBe(0);
    expect(stopped.stoppedMs).toBeLessThan(STOP_BOUND_MS);
    expect(stopped.run.stderr).toMatch(/SIGTERM: stopping/);
    await waitGone([stopped.pids.instance, stopped.pids.spawned]);
    await request;
  });
});
