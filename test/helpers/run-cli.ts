import { Readable } from 'node:stream';
import type { CliOutput } from '../../src/cli/main.js';
import { run } from '../../src/cli/main.js';
import { packageRoot } from '../../src/package-root.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  /** stdout as bytes (`--cbor` writes binary). */
  stdoutBytes: Buffer;
  stderr: string;
}

export interface CliRunOptions {
  /** Standard input (default: empty). */
  input?: string;
  /** The working folder (default: the package root). */
  cwd?: string;
  /** Added to this process's environment (NO_COLOR=1 too), for this run only. */
  env?: NodeJS.ProcessEnv;
}

/** A string buffer where the CLI writes, as a pipe would take it (not a terminal). */
function captured(): CliOutput & { text: string; bytes: Buffer[] } {
  return {
    text: '',
    bytes: [],
    isTTY: false,
    write(chunk: string | Uint8Array) {
      this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      this.bytes.push(Buffer.from(chunk));
      return true;
    },
  };
}

/**
 * Runs `fc-sim <args>` in this process, as `run()` (the bin's whole job besides EPIPE) does for a user: the same
 * commands, parsing and exit status, without the cost of starting node. test/cli/bin.test.ts spawns the real bin.
 */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = captured();
  const stderr = captured();
  const status = await run(args, {
    stdout,
    stderr,
    stdin: Readable.from(options.input ? [options.input] : []),
    cwd: options.cwd ?? packageRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status, stdout: stdout.text, stdoutBytes: Buffer.concat(stdout.bytes), stderr: stderr.text };
}
