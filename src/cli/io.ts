import { isAbsolute, resolve } from 'node:path';
import { guardOutput, Redactor } from '../remote/redact.js';

/** Where the CLI writes: process.stdout/stderr, or a buffer in tests. `isTTY` and `columns` as a terminal has them. */
export interface CliOutput {
  /** Text, or bytes (`--cbor`). */
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?(): boolean;
}

/** Everything the CLI takes from the process it runs in: what `run()` is given instead of `process`. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream;
  /** The folder relative paths on the command line are relative to. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The CLI's io for one run: the given io, and the redactor its output passes once a command holds credentials. */
export interface CommandIo extends CliIo {
  readonly redactor: Redactor;
  /** Adds secrets to the redactor and, from now on, redacts everything written to stdout and stderr. */
  guard(...secrets: Array<string | undefined>): void;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/**
 * The io of one run and a function that undoes its output guard. The redactor is the run's own: a secret one run
 * learned is never masked in (or leaked from) another run's output.
 */
export function commandIo(io: CliIo): { io: CommandIo; release: () => void } {
  const redactor = new Redactor();
  let restore: (() => void) | undefined;
  const guarded: CommandIo = {
    ...io,
    redactor,
    guard(...secrets) {
      for (const secret of secrets) redactor.add(secret);
      restore ??= guardOutput(redactor, [io.stdout, io.stderr]);
    },
  };
  return { io: guarded, release: () => restore?.() };
}

/**
 * A path from the command line as the process's file functions need it: relative to `io.cwd`. Kept as written when
 * `io.cwd` is the process's own folder, so that messages show it as the user typed it.
 */
export function pathIn(io: Pick<CliIo, 'cwd'>, path: string): string {
  return isAbsolute(path) || resolve(io.cwd) === process.cwd() ? path : resolve(io.cwd, path);
}

/** Whether to colour output, by the conventions commander follows (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE), read from io.env. */
export function hasColors(stream: CliOutput, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return Boolean(stream.isTTY && stream.hasColors?.());
}
