import { closeSync, mkdirSync, openSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import type { Invocation } from '../runtime/invocation.js';
import type { CheckFailure } from '../testing/checks.js';
import type { CliOutput, CommandIo } from './io.js';
import { pathIn } from './io.js';
import { invocationRecord } from './print-invocation.js';

/** `--out FILE`: opened (its folders created) before any event runs, so that a run never ends in a write error. */
export function openOut(file: string, io: CommandIo): WriteStream {
  const path = pathIn(io, file);
  let fd: number;
  try {
    mkdirSync(dirname(resolve(io.cwd, path)), { recursive: true });
    fd = openSync(path, 'w');
  } catch (error) {
    throw new FcSimError('E_WRITE', `--out ${file}: cannot write: ${(error as Error).message}`, 'name a file in a folder you can write to');
  }
  try {
    return createWriteStream('', { fd });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Closes an --out stream once everything written has reached the file. */
export function closeOut(out: WriteStream | undefined): Promise<void> {
  return out ? new Promise<void>((resolve) => out.end(resolve)) : Promise.resolve();
}

/**
 * Writes, and waits when the reader is behind (a pipe, a file): memory stays flat however many events a run has.
 * A test's buffer never pushes back.
 */
export async function writeInTurn(output: CliOutput | WriteStream, text: string | Uint8Array): Promise<void> {
  if (output.write(text) !== false) return;
  const stream = output as Partial<WriteStream>;
  if (typeof stream.once !== 'function') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off?.('drain', done);
      stream.off?.('close', done);
      resolve();
    };
    stream.once!('drain', done);
    stream.once!('close', done);
  });
}

/**
 * One line of `--json` and `--out` for a local invocation: the event, the verdict, then the invocation. Credentials
 * redacted. `about` says more of the event (fuzz: the phase of the run it belongs to).
 */
export function localRecordLine(
  index: number,
  label: string,
  invocation: Invocation,
  failure: CheckFailure | undefined,
  io: CommandIo,
  about: Record<string, string> = {},
): string {
  const value = {
    index,
    event: label,
    ...about,
    passed: failure === undefined,
    ...(failure ? { check: failure.check, message: failure.message } : {}),
    ...invocationRecord(invocation),
  };
  return io.redactor.redact(JSON.stringify(value));
}
