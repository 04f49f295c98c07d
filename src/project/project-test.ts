import fc from 'fast-check';
import type { FcSimErrorCode } from '../errors.js';
import { FcSimError, TriggerConfigError } from '../errors.js';
import { checkHandler, ContractFailure, SetupError } from '../testing/check-handler.js';
import { deliveredBy, matchingEvents, rejectedEvents } from './matching-events.js';
import type { Project, ProjectFunction, ProjectTrigger } from './model.js';
import type { SelectedFunction } from './select.js';
import { functionLabel, selectTriggers } from './select.js';
import type { LocalFolders } from './project-instance.js';
import { projectFunctionConfig, projectInstance } from './project-instance.js';
import type { Instance } from '../runtime/invoke.js';
import type { Invocation } from '../runtime/invocation.js';

/**
 * The outcome of one trigger of one function.
 *
 * @example
 * ```ts
 * const results: TriggerResult[] = await testProject(loadProject('.'));
 * for (const result of results.filter((r) => r.outcome === 'failed')) console.error(`${result.function}/${result.trigger}:\n${result.detail}`);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface TriggerResult {
  function: string;
  trigger: string;
  type: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** Events run (passed), or why it was skipped, or the failure report. */
  detail: string;
  runs: number;
  durationMs: number;
  /** How many events outside the trigger's filter were drawn to show they would not invoke the function. */
  rejected?: { count: number; reason: string };
  /** What the invocations gave, counted: outcomes (`success`, `unhandled-error`, …) and, for HTTP functions, statuses. */
  tally?: Tally;
}

/**
 * What a trigger's invocations gave, counted: each outcome (`success`, `handled-error`, `unhandled-error`,
 * `rejected`) and each HTTP status of an HTTP function's responses.
 *
 * @example
 * ```ts
 * const [result] = await testProject(loadProject('.'));
 * const notFound = result?.tally?.httpStatuses['404'] ?? 0;
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface Tally {
  outcomes: Record<string, number>;
  httpStatuses: Record<string, number>;
  /** The first response body of each HTTP status, cut to 80 characters: what a hint quotes. */
  httpBodies: Record<string, string>;
}

/**
 * How {@link testProject} runs: events per trigger, the seed, where failures are saved, and a callback per result.
 *
 * @example
 * ```ts
 * const options: ProjectTestOptions = { runs: 500, seed: 42, failuresDir: false, onResult: (result) => console.log(result.function, result.outcome) };
 * const results = await testProject(loadProject('.'), options);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface ProjectTestOptions {
  runs?: number;
  seed?: number;
  failuresDir?: string | false;
  onResult?: (result: TriggerResult) => void;
  /** Only these functions and triggers (`selectTriggers`, `shardOf`); default: all of them. */
  only?: readonly SelectedFunction[];
  /** With `seed`, the path a failure report gives: that one event (of the one trigger selected). */
  path?: string;
  /** The command that reruns one trigger's run (`<function>/<trigger>`, seed, path), printed in its failure report. */
  rerun?: (selector: string, seed: number, path: string) => string;
  /** How `fc-sim replay` names a function (`--function <name>` and the project's flags), printed in failure reports. */
  replayArgs?: (functionLabel: string) => string;
  /** Local folders for layers and NAS mounts (`localFolders`); default: none. */
  folders?: LocalFolders;
  /** What is worth saying about a function's setup (a layer without a folder, NAS paths). */
  onWarning?: (message: string) => void;
}

const CONFIG_ERRORS: ReadonlySet<FcSimErrorCode> = new Set(['E_CONFIG', 'E_TIMER_EXPRESSION']);

const label = functionLabel;

/** Counts what each invocation gave, passing it on unchanged: the per-trigger tally `fc-sim test` prints. */
function tallying(instance: Instance, tally: Tally): Instance {
  const count = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  return {
    async invoke(event, options) {
      const invocation: Invocation = await instance.invoke(event, options);
      count(tally.outcomes, invocation.status);
      if (invocation.http) {
        const status = String(invocation.http.statusCode);
        count(tally.httpStatuses, status);
        tally.httpBodies[status] ??= invocation.http.body.toString('utf8', 0, 80);
      }
      return invocation;
    },
    dispose: () => instance.dispose(),
  };
}

/** Events outside the filter: drawn and checked not to be delivered, so the report can say the filter holds. */
function checkRejected(trigger: ProjectTrigger, fcVersion: 2 | 3, seed: number | undefined): TriggerResult['rejected'] {
  const rejected = rejectedEvents(trigger, { fcVersion });
  if (!rejected) return undefined;
  const events = fc.sample(rejected.arbitrary, { numRuns: 20, ...(seed === undefined ? {} : { seed }) });
  const delivered = events.filter((event) => deliveredBy(trigger, event));
  if (delivered.length > 0) throw new Error(`fc-sim: ${trigger.name}: ${delivered.length} events outside the filter would be delivered (a bug in fc-sim)`);
  return { count: events.length, reason: rejected.reason };
}

async function testTrigger(fn: ProjectFunction, trigger: ProjectTrigger, options: ProjectTestOptions): Promise<TriggerResult> {
  const base = { function: label(fn), trigger: trigger.name, type: trigger.type, runs: 0, durationMs: 0 };
  const selector = `${label(fn)}/${trigger.name}`;
  const folders = options.folders ?? { layers: {}, nas: {} };
  let config: ReturnType<typeof projectFunctionConfig>;
  try {
    config = projectFunctionConfig(fn, {}, folders, options.onWarning);
  } catch (error) {
    // A runtime fc-sim does not run (another language, a custom container): skipped, saying what to do instead.
    if (!(error instanceof FcSimError) || error.code !== 'E_CONFIG') throw error;
    return { ...base, outcome: 'skipped', detail: `${error.message}${error.hint ? ` (${error.hint})` : ''}` };
  }
  const { handler, ...runtime } = config;
  const fcVersion = config.platform === 'fc2' ? 2 : 3;
  let events: ReturnType<typeof matchingEvents>;
  try {
    events = matchingEvents(trigger, { fcVersion });
  } catch (error) {
    // A config that lets no event through (or a cron FC refuses) is the trigger's failure, not the run's: lint says how to
    // fix it. One fc-sim cannot read (a filter pattern that is not JSON) is bad input: the run stops, exit 2.
    if (!(error instanceof FcSimError) || error instanceof TriggerConfigError || !CONFIG_ERRORS.has(error.code)) throw error;
    return { ...base, outcome: 'failed', detail: `${error.message}${error.hint ? ` (${error.hint})` : ''}` };
  }
  if (!events) return { ...base, outcome: 'skipped', detail: `no events for ${trigger.type} triggers yet` };
  const started = performance.now();
  const rejected = checkRejected(trigger, fcVersion, options.seed);
  const tally: Tally = { outcomes: {}, httpStatuses: {}, httpBodies: {} };
  try {
    const summary = await checkHandler({
      handler,
      target: tallying(projectInstance(fn, {}, folders), tally),
      arbitrary: events.arbitrary,
      delivery: events.delivery,
      label: trigger.type,
      runs: options.runs ?? 100,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
      failuresDir: options.failuresDir ?? false,
      // This function and trigger's own failures: saved for it and replayed only into it.
      corpus: `fc-sim test ${selector}`,
      ...(options.rerun ? { rerun: (seed: number, path: string) => options.rerun!(selector, seed, path) } : {}),
      ...(options.replayArgs ? { replayArgs: options.replayArgs(label(fn)) } : {}),
      runtime,
    });
    return {
      ...base,
      outcome: 'passed',
      runs: summary.runs,
      detail: `${summary.runs} events passed`,
      durationMs: performance.now() - started,
      ...(rejected ? { rejected } : {}),
      tally,
    };
  } catch (error) {
    // A function that cannot start fails its trigger once, with what went wrong, and the run goes on.
    if (error instanceof SetupError)
      return { ...base, outcome: 'failed', detail: `setup error: ${error.message}`, durationMs: performance.now() - started, tally };
    if (!(error instanceof ContractFailure)) throw error;
    return {
      ...base,
      outcome: 'failed',
      runs: error.report.runs,
      detail: error.message,
      durationMs: performance.now() - started,
      ...(rejected ? { rejected } : {}),
      tally,
    };
  }
}

/** One test case of a run: a trigger of a function, or a function without triggers (reported as skipped). */
export interface PlannedCase {
  fn: ProjectFunction;
  trigger: ProjectTrigger | undefined;
  /** How its result names it. */
  reported: Pick<TriggerResult, 'function' | 'trigger' | 'type'>;
}

/** The cases a run of `only` reports, in the order it runs them. */
export function plannedCases(only: readonly SelectedFunction[]): PlannedCase[] {
  return only.flatMap(({ fn, triggers }) => [
    ...(fn.triggers.length === 0 ? [{ fn, trigger: undefined, reported: { function: label(fn), trigger: '-', type: '-' } }] : []),
    ...triggers.map((trigger) => ({ fn, trigger, reported: { function: label(fn), trigger: trigger.name, type: trigger.type } })),
  ]);
}

/**
 * The contract checks for every function and trigger of a project, with events that match each trigger's config
 * (names, filters, formats, methods, schedules), on each function's own settings (runtime, timeout, memory,
 * initializer, environment). A function is tested trigger by trigger, one warm instance each.
 *
 * @example
 * ```ts
 * const project = loadProject('.');
 * const results = await testProject(project, { runs: 200 });
 * if (results.some((result) => result.outcome === 'failed')) process.exitCode = 1;
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export async function testProject(project: Project, options: ProjectTestOptions = {}): Promise<TriggerResult[]> {
  const results: TriggerResult[] = [];
  for (const planned of plannedCases(options.only ?? selectTriggers(project, []))) {
    const result: TriggerResult = planned.trigger
      ? await testTrigger(planned.fn, planned.trigger, options)
      : { ...planned.reported, outcome: 'skipped', detail: 'no triggers', runs: 0, durationMs: 0 };
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
