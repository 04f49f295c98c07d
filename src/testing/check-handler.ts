import fc from 'fast-check';
import { FcSimError } from '../errors.js';
import { isRemoteInstance } from '../remote/remote-instance.js';
import type { Handler, Instance, RuntimeOptions } from '../runtime/invoke.js';
import type { CheckFailure } from './checks.js';
import { saveFailure, savedEvents } from './failures.js';
import type { FailureReport } from './report.js';
import { formatReport } from './report.js';
import type { CheckOptions, EventOutcome } from './runner.js';
import { ContractRunner } from './runner.js';
import type { EventSource } from './triggers.js';
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
export type CheckHandlerOptions<E = unknown> = CheckOptions<E> &
  EventSource & {
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
    /** With `target`: how replay commands name it (e.g. `--url https://…`), in place of `--handler …`. */
    replayArgs?: string;
    /** Called after each run (the CLI's progress line). */
    onRun?: (runs: number) => void;
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
  /** Saved failures replayed before the drawn events. */
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
 * Runs a handler against `runs` events of a trigger (or kind, or arbitrary) on one warm instance, checks each,
 * and on a failure shrinks the event to a minimal one, saves it, and throws a {@link ContractFailure} whose
 * message says what failed, shows the event, the error and the logs, and how to replay it.
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
export async function checkHandler<E = unknown>(options: CheckHandlerOptions<E>): Promise<CheckSummary> {
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
  const runner = new ContractRunner<E>(options.handler, source, { ...options, runtime: { ...options.runtime, platform } });
  const corpus = failuresDir === false ? [] : savedEvents(failuresDir, source.label);
  let runs = 0;
  let lastFailure: { event: E; outcome: EventOutcome & { failure: CheckFailure } } | undefined;
  try {
    const property = fc.asyncProperty(source.arbitrary as fc.Arbitrary<E>, async (event) => {
      const outcome = await runner.run(event);
      runs += 1;
      options.onRun?.(runs);
      if (!outcome.failure) return true;
      lastFailure = { event, outcome: outcome as EventOutcome & { failure: CheckFailure } };
      return false;
    });
    const details = await fc.check(property, {
      numRuns: options.runs ?? 100,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
      examples: corpus.map((event) => [event as E]),
    });
    if (!details.failed) return { runs: details.numRuns, replayed: corpus.length, seed: details.seed };
    if (details.errorInstance && !lastFailure) throw details.errorInstance;
    const event = details.counterexample![0];
    // Run the minimal event once more: its logs and error belong to the report, and a pass means flakiness.
    const again = await runner.run(event);
    const found = lastFailure!;
    const report: FailureReport = {
      failure: again.failure ?? found.outcome.failure,
      event,
      invocation: again.failure ? again.invocation : found.outcome.invocation,
      runs: details.numRuns,
      shrinks: details.numShrinks,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      source: source.label,
      platform,
      replayHandler: typeof options.handler === 'string' ? options.handler : (options.replayHandler ?? '<your handler, e.g. src/index.handler>'),
      ...(options.replayArgs ? { replayArgs: options.replayArgs } : {}),
      flaky: !again.failure,
    };
    if (failuresDir !== false) {
      const target = options.target && isRemoteInstance(options.target) ? options.target : undefined;
      const redact = (text: string) => {
        const masked = target?.redact ? target.redact(text) : text;
        return options.redact ? options.redact(masked) : masked;
      };
      try {
        report.savedTo = saveFailure(
          failuresDir,
          {
            fcSim: 'failure',
            source: source.label,
            delivery: source.delivery,
            platform,
            check: report.failure.check,
            message: report.failure.message,
            seed: report.seed,
            path: report.path,
            handler: report.replayHandler,
            savedAt: new Date().toISOString(),
            event,
          },
          redact,
        );
      } catch (error) {
        // The report matters more than the file: it says why the file is missing.
        report.notSaved = `${failuresDir}: ${(error as Error).message}`;
      }
    }
    throw new ContractFailure(report);
  } finally {
    await runner.dispose();
  }
}
