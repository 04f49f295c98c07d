import { isAbsolute, relative } from 'node:path';
import fc from 'fast-check';
import { FcSimError } from '../errors.js';
import { isRemoteInstance } from '../remote/remote-instance.js';
import type { Handler, Instance, RuntimeOptions } from '../runtime/invoke.js';
import type { CheckFailure } from './checks.js';
import type { Invocation } from '../runtime/invocation.js';
import type { InvocationType } from '../runtime/limits.js';
import type { FailureCorpus, SavedFailure } from './failures.js';
import { inDomain, readSavedFailures, saveFailure } from './failures.js';
import type { FailureReport } from './report.js';
import { formatReport } from './report.js';
import { checkFlags, commandLine, corpusOf, functionFlags, isSecretName } from './replay-command.js';
import type { CheckOptions, EventOutcome } from './runner.js';
import { ContractRunner } from './runner.js';
import type { EventSource } from './triggers.js';
import type { TypedEventSource } from './typed-source.js';
import { prepareSource, sourceOnPlatform, sourcePlatform } from './triggers.js';

/**
 * What {@link checkHandler} runs: the handler and its configuration, where the events come from (a trigger, a kind
 * or an arbitrary), how many, the checks and your property, and where failures are saved.
 *
 * @example
 * ```ts
 * const options: CheckHandlerOptions<OssEvent> = {
 *   handler: 'src/handler.handler',
 *   runtime: { runtime: 'nodejs18', timeout: 10 },
 *   trigger: 'oss',
 *   constraints: { keyPrefix: 'uploads/' },
 *   runs: 1000,
 *   checks: { idempotent: true },
 *   property: (event, result) => result.status === 'success' || event.events[0].oss.object.size === 0,
 * };
 * await checkHandler(options);
 * ```
 * @see README.md#property-based-contract-tests
 */
export type CheckHandlerOptions<E = unknown> = Omit<CheckOptions<E>, 'property'> & TypedEventSource<E> & CheckHandlerSettings;

/** The options as checkHandler reads them: any source, its property taking what the source draws. */
type SourceOptions<E> = CheckOptions<E> & EventSource & CheckHandlerSettings;

/** What {@link checkHandler} takes besides the source and the checks: the handler, its configuration, the run. */
type CheckHandlerSettings = {
  handler: Handler;
  /** How many events (default 100). */
  runs?: number;
  /** Replay a run: the seed (and path) a failure report gives. */
  seed?: number;
  path?: string;
  /** The function's configuration (runtime, timeout, memorySize, initializer, …). */
  runtime?: RuntimeOptions;
  /** Where failures are saved and replayed from first (default fixtures/failures); false: neither. */
  failuresDir?: string | false;
  /** How the replay command names the handler, for handler functions (e.g. `src/index.handler`). */
  replayHandler?: string;
  /** Send the events to this instance instead of a new local one (a deployed function: fc-sim's remote targets). */
  target?: Instance;
  /**
   * How replay commands name the function, in place of the flags made from `handler` and `runtime` (a remote
   * target's `--url https://…`; the CLI's flags with its `--config`).
   */
  replayArgs?: string;
  /**
   * The test this run is: its failures are saved for it, and only its saved failures are replayed (a failure of a
   * test narrowed to `uploads/` keys never reaches another test). Default: the vitest test running checkHandler,
   * else the handler with the trigger or kind and its constraints.
   */
  corpus?: string;
  /** The command that reruns a run, printed in reports (`fc-sim test` gives `npx fc-sim test <function>/<trigger> --seed S --path P`). */
  rerun?: (seed: number, path: string) => string;
  /** Called after each run (the CLI's progress line). */
  onRun?: (runs: number) => void;
  /**
   * Called with every event's outcome as it comes (the CLI's `--json` lines): the saved failures replayed first
   * (`saved`, labelled with their file), the drawn events (`drawn`), the shrinking's tries (`shrinking`) and the
   * minimal event run once more (`confirming`). `index` counts them all from 1.
   */
  onEvent?: (record: { index: number; phase: 'saved' | 'drawn' | 'shrinking' | 'confirming'; label: string; outcome: EventOutcome }) => void;
  /**
   * `async`: the events are asynchronous invocations, as event triggers invoke (FC accepts 128 KB then, not 32 MB);
   * default: synchronous, as an event's trigger-less invoke is.
   */
  invocationType?: InvocationType;
  /**
   * Masks secrets in what is saved to `failuresDir` (the CLI passes the redactor of its output). A remote
   * `target`'s own credentials and signed Authorization values are masked in any case.
   */
  redact?: (text: string) => string;
};

/**
 * What a passing {@link checkHandler} did: the events run, the saved failures replayed first, and the seed.
 *
 * @example
 * ```ts
 * const summary: CheckSummary = await checkHandler({ handler: 'index.handler', trigger: 'timer', runs: 200 });
 * console.log(`${summary.runs} events (${summary.replayed} replayed), seed ${summary.seed}`);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface CheckSummary {
  runs: number;
  /** Saved failures of this test replayed before the drawn events (none when a `path` replays one event). */
  replayed: number;
  seed: number;
}

/**
 * A failed contract check: the message is the whole report; the parts are here for tools.
 *
 * @example
 * ```ts
 * try {
 *   await checkHandler({ handler: 'index.handler', trigger: 'mns' });
 * } catch (error) {
 *   if (!(error instanceof ContractFailure)) throw error;
 *   console.error(error.report.failure.check, error.report.savedTo, JSON.stringify(error.report.event));
 * }
 * ```
 * @see README.md#property-based-contract-tests
 */
export class ContractFailure extends FcSimError {
  declare readonly code: 'E_CONTRACT_FAILED';
  constructor(readonly report: FailureReport) {
    super('E_CONTRACT_FAILED', formatReport(report));
    this.name = 'ContractFailure';
  }
}

/** A fast-check replay path as reports give it: `0:1:3`. */
export const FAST_CHECK_PATH = /^\d+(:\d+)*$/;

/**
 * Why the function could not start, whatever the event: its handler cannot be loaded (`HandlerNotFound`,
 * `ImportModuleError`, a syntax error), or its initializer failed. Undefined: it started.
 */
function setupProblem(invocation: Invocation): string | undefined {
  const { error } = invocation;
  if (!error || invocation.status === 'success') return undefined;
  if (error.cause === 'load') return `the handler cannot be loaded: ${error.errorType ? `${error.errorType}: ` : ''}${error.errorMessage}`;
  // FC logs an initializer's run as `FC Initialize Start/End`; failed there, the handler never ran (no `FC Invoke Start`).
  const initialized = invocation.logs.some((line) => line.startsWith('FC Initialize Start'));
  if (initialized && !invocation.logs.some((line) => line.startsWith('FC Invoke Start'))) {
    return `the initializer failed: ${error.errorType ? `${error.errorType}: ` : ''}${error.errorMessage}`;
  }
  return undefined;
}

/**
 * A function that cannot start: reported once, as what it is (no event is at fault, so nothing is shrunk or saved).
 *
 * @example
 * ```ts
 * try {
 *   await checkHandler({ handler: 'index.hanlder', trigger: 'oss' });
 * } catch (error) {
 *   if (error instanceof SetupError) console.error(error.message); // the handler cannot be loaded: HandlerNotFound: …
 * }
 * ```
 * @see README.md#property-based-contract-tests
 */
export class SetupError extends FcSimError {
  declare readonly code: 'E_HANDLER_LOAD';
  constructor(
    readonly problem: string,
    readonly invocation: Invocation,
  ) {
    super(
      'E_HANDLER_LOAD',
      `the function cannot start: ${problem}\nNo event was judged (nothing shrunk or saved).\nLogs:\n${invocation.logs.join('\n')}`,
      'check the handler name (file.export), the code folder, the runtime and the initializer',
    );
    this.name = 'SetupError';
  }
}

/** A function whose setup fails twice in a row fails every time (an initializer may fail once, as a database starts). */
async function confirmedSetupError<E>(runner: ContractRunner<E>, event: E, outcome: EventOutcome): Promise<SetupError | undefined> {
  const problem = outcome.failure && setupProblem(outcome.invocation);
  if (!problem) return undefined;
  const again = await runner.run(event);
  const confirmed = setupProblem(again.invocation);
  return confirmed ? new SetupError(confirmed, again.invocation) : undefined;
}

/** Options as a `checkHandler({ … })` call, when they can be written out (a handler string, a trigger or kind, JSON constraints). */
function snippetOf(options: SourceOptions<unknown>, runtime: object, seed: number, path: string): string | undefined {
  if (typeof options.handler !== 'string' || 'arbitrary' in options || options.property || options.target) return undefined;
  // A secret in the function's environment is not written into a report.
  if (Object.keys(options.runtime?.environment ?? {}).some(isSecretName)) return undefined;
  const source =
    'kind' in options
      ? { kind: options.kind, ...(options.fc2 ? { fc2: true } : {}) }
      : { trigger: options.trigger, ...(options.constraints ? { constraints: options.constraints } : {}) };
  const written = { handler: options.handler, ...source, runtime, ...(options.checks ? { checks: options.checks } : {}), seed, path };
  try {
    const text = JSON.stringify(written);
    // Constraints holding RegExps or functions do not survive JSON: no snippet rather than a wrong one.
    return JSON.stringify(JSON.parse(text)) === text && text.length < 1500 ? `checkHandler(${text})` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a handler against `runs` events of a trigger (or kind, or arbitrary) on one warm instance, checks each,
 * and on a failure shrinks the event to a minimal one, saves it, and throws a {@link ContractFailure} whose
 * message says what failed, shows the event, the error and the logs, and how to reproduce it (the commands to
 * paste). Saved failures of the same test are replayed first, apart from the drawn run, so a seed and path name
 * the same event whether or not failures were saved; with a `path`, only that event runs. A function that cannot
 * start throws a {@link SetupError} once.
 *
 * @example
 * ```ts
 * test('the handler copes with 1000 OSS events', async () => {
 *   await checkHandler({ handler: 'index.handler', trigger: 'oss', runs: 1000 });
 * });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#property-based-contract-tests
 */
export async function checkHandler<E = unknown>(typed: CheckHandlerOptions<E>): Promise<CheckSummary> {
  // Typed, each source's property takes its own events; inside, an event is whatever the source draws.
  const options = typed as SourceOptions<E>;
  if (options.path !== undefined && !FAST_CHECK_PATH.test(options.path)) {
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `path: expected numbers separated by colons, e.g. "0:1:3", got ${JSON.stringify(options.path)}`,
      'copy it from the failure report',
    );
  }
  // The function's platform, or the one its events are for (FC 2.0 requests), else FC 3.0; its HTTP calls follow it.
  const platform = options.runtime?.platform ?? sourcePlatform(options) ?? 'fc3';
  const source = prepareSource(sourceOnPlatform(options, platform));
  const failuresDir = options.failuresDir ?? 'fixtures/failures';
  const runtime = { ...options.runtime, platform };
  const handlerName = typeof options.handler === 'string' ? options.handler : (options.replayHandler ?? '<your handler, e.g. src/index.handler>');
  const constraints = 'constraints' in options ? options.constraints : undefined;
  const implied = corpusOf(handlerName, source.label, 'arbitrary' in options ? '(custom arbitrary)' : constraints);
  // A corpus the caller names (fc-sim fuzz, fc-sim test) is not a vitest test's, even when vitest runs the caller.
  const corpus: FailureCorpus = options.corpus ? { key: options.corpus } : implied;
  // Files saved before corpora were recorded: for the domain of an un-narrowed trigger or kind of the same handler.
  const narrowed = 'arbitrary' in options || constraints !== undefined || options.property !== undefined;
  const domain = { source: source.label, key: corpus.key, handler: handlerName, legacy: !narrowed };
  // A path names one event of one run: the saved failures are not replayed then (each has its own command).
  const saved = failuresDir === false || options.path !== undefined ? [] : readSavedFailures(failuresDir).filter(({ failure }) => inDomain(failure, domain));
  // Drawn here, so that a report of a saved failure that fails again can name the run that would have followed.
  const seed = options.seed ?? Date.now() ^ (Math.random() * 0x100000000);
  const runner = new ContractRunner<E>(options.handler, source, { ...options, runtime });

  const functionArgs =
    options.replayArgs ?? (typeof options.handler === 'string' ? replayArgsOf(options.handler, runtime, options.checks, options.invocationType) : undefined);
  const report = (found: Omit<FailureReport, 'source' | 'platform' | 'replayHandler'>): FailureReport => {
    const flat = !narrowed && !('arbitrary' in options) && functionArgs !== undefined;
    const sourceName = 'kind' in options ? options.kind : source.label;
    const rerun =
      found.path === ''
        ? undefined
        : options.rerun
          ? options.rerun(found.seed, found.path)
          : flat
            ? `npx fc-sim fuzz ${sourceName} ${functionArgs} --seed ${found.seed} --path ${found.path}`
            : undefined;
    const snippet = found.path === '' ? undefined : snippetOf(options as SourceOptions<unknown>, runtime, found.seed, found.path);
    return {
      ...found,
      source: source.label,
      platform,
      replayHandler: handlerName,
      ...(functionArgs ? { replayArgs: functionArgs } : {}),
      ...(rerun ? { rerun } : {}),
      ...(corpus.vitest ? { test: corpus.vitest } : {}),
      ...(snippet ? { snippet } : {}),
    };
  };

  let events = 0;
  const ran = (phase: 'saved' | 'drawn' | 'shrinking' | 'confirming', label: string, outcome: EventOutcome) => {
    events += 1;
    options.onEvent?.({ index: events, phase, label, outcome });
  };
  try {
    for (const [index, { file, failure }] of saved.entries()) {
      const event = failure.event as E;
      const outcome = await runner.run(event);
      ran('saved', shownPath(file), outcome);
      options.onRun?.(index + 1);
      const setup = await confirmedSetupError(runner, event, outcome);
      if (setup) throw setup;
      if (!outcome.failure) continue;
      throw new ContractFailure(
        report({
          failure: outcome.failure,
          event,
          invocation: outcome.invocation,
          runs: index + 1,
          shrinks: 0,
          seed,
          path: '',
          replayedFrom: shownPath(file),
          flaky: false,
        }),
      );
    }

    let runs = 0;
    let lastFailure: { event: E; outcome: EventOutcome & { failure: CheckFailure } } | undefined;
    let setup: SetupError | undefined;
    const property = fc.asyncProperty(source.arbitrary as fc.Arbitrary<E>, async (event) => {
      // Once the function cannot start, no event is at fault: fast-check's shrinking runs to its end without it.
      if (setup) return false;
      const outcome = await runner.run(event);
      runs += 1;
      // After the first failure, fast-check runs smaller events to shrink it.
      ran(lastFailure ? 'shrinking' : 'drawn', `#${runs}`, outcome);
      options.onRun?.(saved.length + runs);
      if (!outcome.failure) return true;
      setup = await confirmedSetupError(runner, event, outcome);
      lastFailure = { event, outcome: outcome as EventOutcome & { failure: CheckFailure } };
      return false;
    });
    let details: fc.RunDetails<[E]>;
    try {
      details = await fc.check(property, {
        numRuns: options.runs ?? 100,
        seed,
        ...(options.path === undefined ? {} : { path: options.path }),
      });
    } catch (error) {
      // fast-check's own words for a path that leads nowhere in this run.
      if (!(error instanceof Error) || !error.message.startsWith('Unable to replay')) throw error;
      throw new FcSimError(
        'E_INVALID_PARAMS',
        `seed ${seed}, path ${options.path}: no event at this path: the path is from another run (another trigger, kind, constraints or arbitrary, or another fc-sim version)`,
        'copy the seed and the path from the report of this test, or drop path to run the seed from its start',
      );
    }
    if (setup) throw setup;
    if (!details.failed) return { runs: details.numRuns, replayed: saved.length, seed: details.seed };
    if (details.errorInstance && !lastFailure) throw details.errorInstance;
    const event = details.counterexample![0];
    // Run the minimal event once more: its logs and error belong to the report, and a pass means flakiness.
    const again = await runner.run(event);
    ran('confirming', 'shrunk', again);
    const found = lastFailure!;
    const failureReport = report({
      failure: again.failure ?? found.outcome.failure,
      event,
      invocation: again.failure ? again.invocation : found.outcome.invocation,
      runs: details.numRuns,
      shrinks: details.numShrinks,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      flaky: !again.failure,
    });
    if (failuresDir !== false) {
      const target = options.target && isRemoteInstance(options.target) ? options.target : undefined;
      const redact = (text: string) => {
        const masked = target?.redact ? target.redact(text) : text;
        return options.redact ? options.redact(masked) : masked;
      };
      const failure: SavedFailure = {
        fcSim: 'failure',
        source: source.label,
        corpus,
        delivery: source.delivery,
        platform,
        check: failureReport.failure.check,
        message: failureReport.failure.message,
        seed: failureReport.seed,
        path: failureReport.path,
        handler: handlerName,
        ...(failureReport.rerun ? { replay: failureReport.rerun } : {}),
        savedAt: new Date().toISOString(),
        event,
      };
      try {
        failureReport.savedTo = shownPath(saveFailure(failuresDir, failure, redact));
      } catch (error) {
        // The report matters more than the file: it says why the file is missing.
        failureReport.notSaved = `${failuresDir}: ${(error as Error).message}`;
      }
    }
    throw new ContractFailure(failureReport);
  } finally {
    await runner.dispose();
  }
}

/** A file as commands pasted in the current folder name it: relative when it is inside, else as it is. */
function shownPath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

/** The flags of a handler string's run, when every setting has one (else no command reproduces it). */
function replayArgsOf(
  handler: string,
  runtime: CheckHandlerOptions['runtime'] & object,
  checks: CheckHandlerOptions['checks'],
  invocationType: InvocationType | undefined,
): string | undefined {
  const { args, complete } = functionFlags(handler, runtime);
  // An async invocation has other limits (128 KB) than the default sync one: the replay invokes the same way.
  const invocation = invocationType === undefined || invocationType === 'sync' ? [] : ['--invocation-type', invocationType];
  return complete ? commandLine([...args, ...invocation, ...checkFlags(checks)]) : undefined;
}
