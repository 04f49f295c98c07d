/**
 * A mistake of the user's (a bad flag, a missing file, a file that is not JSON): the CLI prints the message and the
 * hint, never a stack trace, and exits with `exitCode`. `code` is stable, for scripts and tests.
 */
export class FcSimError extends Error {
  constructor(
    readonly code: FcSimErrorCode,
    message: string,
    readonly hint?: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'FcSimError';
  }
}

export type FcSimErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_SCHEMA'
  | 'E_FILE_NOT_FOUND'
  | 'E_READ'
  | 'E_NOT_JSON'
  | 'E_WRITE';
