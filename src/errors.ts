/**
 * Why fc-sim refused to go on, as a stable code for scripts and tests. Every error the library throws for a
 * problem of the user's (a bad flag, file, event, parameter, configuration or handler) is an {@link FcSimError}
 * with one of these; any other error is a bug in fc-sim.
 *
 * @see README.md#library
 */
export type FcSimErrorCode =
  /** A flag, option or argument the command or function does not take. */
  | 'E_USAGE'
  | 'E_UNKNOWN_SCHEMA'
  | 'E_FILE_NOT_FOUND'
  | 'E_READ'
  /** An input larger than FC takes (an event file over the payload limit): refused after reading limit + 1 bytes. */
  | 'E_TOO_LARGE'
  | 'E_NOT_JSON'
  /** A file that is not CBOR, or holds values no FC event has (Tablestore events are CBOR). */
  | 'E_NOT_CBOR'
  | 'E_WRITE'
  /** A value that is not what its schema says (`assertValid`). */
  | 'E_INVALID_EVENT'
  /** Builder or arbitrary parameters that describe no event FC would send. */
  | 'E_INVALID_PARAMS'
  | 'E_UNKNOWN_KIND'
  /** A timer expression FC would refuse. */
  | 'E_TIMER_EXPRESSION'
  /** A JSON Schema with keywords the arbitrary compiler does not handle. */
  | 'E_UNSUPPORTED_SCHEMA'
  /** A function that cannot start: a handler that cannot be loaded (bad name, missing module or export), an initializer that fails every time. */
  | 'E_HANDLER_LOAD'
  /** A project file (s.yaml, template.yml) fc-sim cannot use. */
  | 'E_PROJECT'
  /** A function or trigger configuration that leaves nothing to do (e.g. a filter no event passes). */
  | 'E_CONFIG'
  /** A request FC's HTTP trigger refuses before any function runs (`fc-sim serve` answers it with a 4xx). */
  | 'E_REQUEST_REFUSED'
  /** A remote target that cannot be called as described (FC 2.0 without a service name, signing without credentials). */
  | 'E_REMOTE_TARGET'
  /** A contract check failed: the handler, not the input, is at fault. */
  | 'E_CONTRACT_FAILED';

/**
 * The exit status of each code, the one table the CLI reads: 2 for usage and input errors (the command never got
 * to run what was asked), 1 when it ran and a check failed.
 */
const EXIT_STATUS: Readonly<Record<FcSimErrorCode, number>> = {
  E_USAGE: 2,
  E_UNKNOWN_SCHEMA: 2,
  E_FILE_NOT_FOUND: 2,
  E_READ: 2,
  E_TOO_LARGE: 2,
  E_NOT_JSON: 2,
  E_NOT_CBOR: 2,
  E_WRITE: 2,
  E_INVALID_EVENT: 2,
  E_INVALID_PARAMS: 2,
  E_UNKNOWN_KIND: 2,
  E_TIMER_EXPRESSION: 2,
  E_UNSUPPORTED_SCHEMA: 2,
  E_HANDLER_LOAD: 2,
  E_PROJECT: 2,
  E_CONFIG: 2,
  E_REQUEST_REFUSED: 2,
  E_REMOTE_TARGET: 2,
  E_CONTRACT_FAILED: 1,
};

/**
 * The process exit status for an error of fc-sim's: 2 for usage and input errors, 1 for a failed check.
 *
 * @example
 * ```ts
 * try {
 *   buildTimerEvent({ time: 'yesterday' }); // E_INVALID_PARAMS: not a time
 * } catch (error) {
 *   if (!(error instanceof FcSimError)) throw error; // anything else is a bug in fc-sim
 *   console.error(error.message, error.hint ?? '');
 *   process.exitCode = exitStatusOf(error);
 * }
 * ```
 * @see README.md#library
 */
export function exitStatusOf(error: FcSimError): number {
  return EXIT_STATUS[error.code];
}

/**
 * Options of an {@link FcSimError}: the error it reports.
 *
 * @example
 * ```ts
 * let config: unknown;
 * try {
 *   config = JSON.parse(readFileSync('config.json', 'utf8'));
 * } catch (cause) {
 *   const options: FcSimErrorOptions = { cause };
 *   throw new FcSimError('E_NOT_JSON', 'config.json is not JSON', 'fix the file or pass another --config', options);
 * }
 * ```
 * @see README.md#library
 */
export interface FcSimErrorOptions {
  /** The error this one reports (a parse error, an I/O error), as ES2022's `Error.cause`. */
  cause?: unknown;
}

/**
 * A problem of the user's (a bad flag, a missing file, an event that is not valid): the CLI prints the message and
 * the hint, never a stack trace, and exits with {@link exitStatusOf}. Subclasses add structured details (the
 * validation issues, the contract report, the place in a timer expression).
 *
 * @example
 * ```ts
 * try {
 *   parseTimerExpression('0 0 4 * *');
 * } catch (error) {
 *   if (error instanceof FcSimError && error.code === 'E_TIMER_EXPRESSION') console.error(error.message, error.hint);
 *   else throw error;
 * }
 * ```
 * @see README.md#library
 */
export class FcSimError extends Error {
  constructor(
    readonly code: FcSimErrorCode,
    message: string,
    /** What to do about it, in one line. */
    readonly hint?: string,
    options: FcSimErrorOptions = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'FcSimError';
  }

  /** The exit status for this error's code (see {@link exitStatusOf}). */
  get exitCode(): number {
    return exitStatusOf(this);
  }
}

/**
 * A trigger config fc-sim cannot read: a filter pattern that is not JSON or uses an operator FC does not have, a
 * source type no trigger module has, a batch size beyond FC's limit. An input error (`E_CONFIG`, exit 2) naming the
 * file and field, also in `fc-sim test`; a config that reads fine but lets no event through is that trigger's failure.
 *
 * @example
 * ```ts
 * try {
 *   parsePattern('{source: acs.oss}', 's.yaml resources.app.props.triggers[0].triggerConfig');
 * } catch (error) {
 *   if (error instanceof TriggerConfigError) console.error(error.message, error.hint, exitStatusOf(error)); // … 2
 *   else throw error;
 * }
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig
 */
export class TriggerConfigError extends FcSimError {
  constructor(message: string, hint?: string) {
    super('E_CONFIG', message, hint);
    this.name = 'TriggerConfigError';
  }
}
