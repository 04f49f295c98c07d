import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FcSimError } from '../errors.js';

/** The folder itself or its nearest ancestor that exists: where a file or folder below it would be created. */
function nearestExisting(path: string): { path: string; isDirectory: boolean } {
  let at = resolve(path);
  for (;;) {
    try {
      return { path: at, isDirectory: statSync(at).isDirectory() };
    } catch {
      const parent = dirname(at);
      if (parent === at) return { path: at, isDirectory: false };
      at = parent;
    }
  }
}

/**
 * Refuses, before anything runs, a file flag (`--junit`) fc-sim could not write when the run ends: a result hidden
 * behind a write error is a result lost. Tried for real (opened for appending, removed again if it was new): the
 * permission bits do not tell, for root or on a read-only file system. The folders above it are created.
 */
export function checkOutputFile(flag: string, given: string, path: string): void {
  const existed = existsSync(path);
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    closeSync(openSync(path, 'a'));
    if (!existed) rmSync(path);
  } catch (error) {
    throw new FcSimError(
      'E_WRITE',
      `${flag} ${given}: cannot write there: ${(error as Error).message}`,
      `name a file in a folder you can write to, e.g. ${flag} reports/fc-sim.xml`,
    );
  }
}

/** Refuses, before anything runs, a folder flag (`--failures`) that names a file or a place below one. */
export function checkOutputFolder(flag: string, given: string, path: string): void {
  const at = nearestExisting(path);
  if (!at.isDirectory) {
    const problem = at.path === resolve(path) ? 'is a file, not a folder' : `${at.path} is a file, not a folder`;
    throw new FcSimError('E_USAGE', `${flag} ${given}: ${problem}`, `name a folder (created when needed), e.g. ${flag} fixtures/failures`);
  }
}
