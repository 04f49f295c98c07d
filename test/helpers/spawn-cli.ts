import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import type { CliRun } from './run-cli.js';

export interface SpawnedCliRun extends Omit<CliRun, 'stdoutBytes'> {
  signal: NodeJS.Signals | null;
}

/**
 * The environment of a spawned fc-sim: this one's, without colours, and without NODE_EXTRA_CA_CERTS, which only a
 * TLS connection uses and which makes each Node.js start read and parse the whole CA bundle (~40 ms of CPU per
 * process on these machines). Spawned runs talk to 127.0.0.1 over plain HTTP; the global setup provisioned the
 * runtimes' Node.js binaries from the registry before any test ran.
 */
export function spawnedCliEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', NODE_EXTRA_CA_CERTS: undefined, ...extra };
}

/**
 * Runs the built bin (dist/src/cli/bin.js, fresh: test/global-setup.ts builds it) in its own process, for what only a
 * real process shows: signals, a closed pipe, the process exit status. Does not block this process, whose test
 * servers must keep answering. `onStart` gets the child (to send it SIGINT). Killed after `timeoutMs`.
 */
export function spawnCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number; onStart?: (child: ChildProcess) => void } = {},
): Promise<SpawnedCliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(packageRoot, 'dist/src/cli/bin.js'), ...args], {
      cwd: options.cwd ?? packageRoot,
      env: spawnedCliEnvironment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    options.onStart?.(child);
  });
}
