import type { Invocation } from '../runtime/invocation.js';
import type { Platform } from '../runtime/runtimes.js';
import type { CheckFailure } from './checks.js';
import { eventJson } from './failures.js';
import { vitestCommand } from './replay-command.js';

/**
 * The parts of a failed contract check's report: the failure, the shrunk event and its invocation, and how to
 * reproduce it (seed, path, saved file, the commands that rerun it).
 *
 * @example
 * ```ts
 * try {
 *   await checkHandler({ handler: 'index.handler', trigger: 'oss' });
 * } catch (error) {
 *   if (!(error instanceof ContractFailure)) throw error;
 *   const report: FailureReport = error.report;
 *   console.error(`${report.failure.check} after ${report.runs} runs; replay with seed ${report.seed}, path ${report.path}`);
 * }
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface FailureReport {
  failure: CheckFailure;
  event: unknown;
  invocation: Invocation;
  runs: number;
  shrinks: number;
  seed: number;
  /** The fast-check path of the event in the run of `seed`; empty when a saved failure failed again (no run was drawn). */
  path: string;
  source: string;
  /** The platform the function ran on: replay commands name it. */
  platform: Platform;
  savedTo?: string;
  /** Why the failure could not be saved (a `failuresDir` that is a file, or not writable). */
  notSaved?: string;
  /** The saved failure that failed again: it was replayed before any event was drawn. */
  replayedFrom?: string;
  replayHandler: string;
  /**
   * How replay commands name the function: every setting of the run as flags (`--handler … --code-dir … --runtime …`),
   * or a remote target's flags. Absent: no fc-sim command can run this function (a handler function, a hook or a
   * setting with no flag); the test itself reproduces it.
   */
  replayArgs?: string;
  /**
   * The command that reruns the run that found it (`npx fc-sim fuzz oss … --seed S --path P`, `npx fc-sim test
   * fn/trigger --seed S --path P`); absent when its events or checks are the test's own (constraints, an arbitrary,
   * a property), which only the test reproduces.
   */
  rerun?: string;
  /** The vitest test that found it. */
  test?: { file: string; name: string };
  /** A `checkHandler` call that reruns it, or undefined when its options cannot be written out (functions, arbitraries). */
  snippet?: string;
  /** The shrunk event passed when run again: the handler depends on more than the event. */
  flaky: boolean;
}

const MAX_EVENT_CHARS = 4000;

function shown(text: string): string {
  return text.length > MAX_EVENT_CHARS ? `${text.slice(0, MAX_EVENT_CHARS)}\n… (${text.length - MAX_EVENT_CHARS} more characters: see the saved file)` : text;
}

/** How to reproduce it: the event by itself, the run, the test; each a command to paste from the same folder. */
function reproduction(report: FailureReport): string[] {
  const lines = ['Reproduce (from this folder):'];
  const file = report.savedTo ?? report.replayedFrom;
  // The CLI knows the built-in checks, not the test's own property: that one reruns only in its test.
  if (file && report.replayArgs && report.failure.check !== 'property') lines.push(`  this event: npx fc-sim replay ${file} ${report.replayArgs}`);
  const run = report.path === '' ? undefined : { seed: report.seed, path: report.path };
  if (run && report.rerun) lines.push(`  this run:   ${report.rerun}`);
  if (report.test) {
    const pinned = run ? ` (add seed: ${run.seed}, path: '${run.path}' to its checkHandler options for this exact run)` : ' (the saved event comes first)';
    lines.push(`  this test:  ${vitestCommand(report.test)}${pinned}`);
  }
  if (run && report.snippet) lines.push(`  in code:    ${report.snippet}`);
  else if (run && !report.test && !report.rerun) lines.push(`  in code:    checkHandler({ …the same options, seed: ${run.seed}, path: '${run.path}' })`);
  return lines;
}

/** The readable report of a failed contract check: what failed, the minimal event, how to reproduce it. */
export function formatReport(report: FailureReport): string {
  const { invocation } = report;
  const found = report.replayedFrom
    ? `a saved ${report.source} event (${report.replayedFrom}), replayed first`
    : `a ${report.source} event after ${report.runs} run${report.runs === 1 ? '' : 's'} (shrunk ${report.shrinks} time${report.shrinks === 1 ? '' : 's'})`;
  const lines = [
    `fc-sim: the handler failed "${report.failure.check}" on ${found}:`,
    `  ${report.failure.message}`,
    ...(report.flaky ? ['  (run again, this event passed: the handler depends on more than the event: state, time, randomness)'] : []),
    '',
    report.replayedFrom ? 'Event:' : 'Event (shrunk):',
    shown(eventJson(report.event)),
    '',
  ];
  if (invocation.error) lines.push('Handler error:', JSON.stringify(invocation.error, null, 2), '');
  lines.push('Logs:', ...invocation.logs, '');
  if (report.savedTo) lines.push(`Saved to ${report.savedTo} (replayed first on the next run of this test).`);
  if (report.notSaved) lines.push(`Not saved: cannot write to ${report.notSaved}`);
  lines.push(...reproduction(report));
  return lines.join('\n');
}
