import type { TriggerResult } from '../project/project-test.js';
import { plannedCases } from '../project/project-test.js';
import type { SelectedFunction } from '../project/select.js';
import type { StopSignal } from './signals.js';
import { exitNow, onStopSignal } from './signals.js';

/**
 * The results of a run stopped by `signal` after `done`: those, then every planned case that did not end, skipped
 * and saying so (the one running when the signal came with its time so far): N cases selected, N reported.
 */
export function interruptedResults(
  only: readonly SelectedFunction[],
  done: readonly TriggerResult[],
  signal: StopSignal,
  runningForMs: number,
): TriggerResult[] {
  const rest = plannedCases(only)
    .slice(done.length)
    .map(
      ({ reported }, at): TriggerResult => ({
        ...reported,
        outcome: 'skipped',
        detail: at === 0 ? `interrupted by ${signal} while running: not finished` : `not run: the run was interrupted by ${signal}`,
        runs: 0,
        durationMs: at === 0 ? runningForMs : 0,
      }),
    );
  return [...done, ...rest];
}

/**
 * `fc-sim test --junit`: a stop signal during the run writes the report of what ran (the rest skipped, as
 * {@link interruptedResults} says), then fc-sim exits as on any stop signal (the instances' groups ended, status
 * 128 + the signal's number). `results` is the run's list so far, `report` writes the JUnit file. Returns the
 * function that removes the listeners (the run ended on its own).
 */
export function junitOnStop(
  only: readonly SelectedFunction[],
  results: readonly TriggerResult[],
  report: (results: TriggerResult[]) => void,
  say: (line: string) => void,
): { stopListening: () => void; resultCame: () => void } {
  let lastEnd = performance.now();
  const stopListening = onStopSignal((signal) => {
    const all = interruptedResults(only, results, signal, performance.now() - lastEnd);
    try {
      report(all);
      say(`fc-sim test: interrupted by ${signal}: ${results.length} of ${all.length} test cases finished, the rest reported as skipped\n`);
    } catch (error) {
      say(`fc-sim: ${(error as Error).message}\n`);
    }
    void exitNow(signal);
  });
  return { stopListening, resultCame: () => (lastEnd = performance.now()) };
}
