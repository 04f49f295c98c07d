/**
 * The bin in its own process, for what only a real process shows: its exit status, `--version`, a reader that
 * closes the pipe early. Everything else about the CLI runs in-process (test/helpers/run-cli.ts); the tests that
 * send SIGINT (remote load runs, serve) spawn the bin too.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { spawnCli, spawnedCliEnvironment } from '../helpers/spawn-cli.js';

describe('the fc-sim bin', () => {
  it('is the package’s bin and prints its version', async () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    expect(manifest.bin['fc-sim']).toBe('dist/src/cli/bin.js');
    const run = await spawnCli(['--version']);
    expect(run).toMatchObject({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('is executable: npx runs the bin file itself, and links made before a rebuild do not set the mode again', async () => {
    // A fresh dist/src/cli/bin.js from tsc is 0644; the build (and the tests' rebuild) set 0755.
    expect(statSync(join(packageRoot, 'dist/src/cli/bin.js')).mode & 0o111).toBe(0o111);
    const run = await new Promise<number | null>((resolve) =>
      spawn(join(packageRoot, 'dist/src/cli/bin.js'), ['--version'], { env: spawnedCliEnvironment() }).on('close', resolve),
    );
    expect(run).toBe(0);
  });

  // run() decides every status (test/cli/run.test.ts and the command tests); the bin has only to pass it on.
  it.each([
    ['a handler that throws', ['timer', '--handler', 'fixtures/handlers/throws.handler'], 1],
    ['a bad flag value', ['oss:put', '--size', 'big'], 2],
  ])('exits with the status of the run: %s', async (_, args, status) => {
    const run = await spawnCli(args);
    expect(run.status, run.stderr).toBe(status);
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0, silently, when the reader closes the pipe early (fc-sim oss:put --count 1000 | head -1)', async () => {
    const child = spawn(process.execPath, [join(packageRoot, 'dist/src/cli/bin.js'), 'oss:put', '--count', '1000', '--seed', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: spawnedCliEnvironment(),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // 1000 events are far more than a pipe holds: the bin is still writing when the reader goes away.
    child.stdout.once('data', () => child.stdout.destroy());
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    expect({ status, signal, stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  });

  // In-process runs cannot show it: vitest keeps the event loop alive. Ending a custom runtime's server once waited on
  // unref'd timers only, so once the server was gone Node found nothing left to run and exited 13 before the summary.
  it('prints the summary and exits 0 after testing a custom runtime (its server ended before fc-sim exits)', async () => {
    const run = await spawnCli(['test', 'web', '--runs', '2'], { cwd: join(packageRoot, 'fixtures/projects/functions-by-name') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^1 passed, 0 failed, 0 skipped$/m);
  });
});
