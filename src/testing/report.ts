import type { Invocation } from '../runtime/invocation.js';
import type { Platform } from '../runtime/runtimes.js';
import type { CheckFailure } from './checks.js';
import { eventJson } from './failures.js';

/**
 * The parts of a failed contract check's report: the failure, the shrunk event and its invocation, and how to replay
 * it (seed, path, saved file).
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
  path: string;
  source: string;
  /** The platform the function ran on: replay commands name it. */
  platform: Platform;
  savedTo?: string;
  /** Why the failure could not be saved (a `failuresDir` that is a file, or not writable). */
  notSaved?: string;
  replayHandler: string;
  /** How replay commands name the function instead of `--handler <replayHandler>` (a remote target's flags). */
  replayArgs?: string;
  /** The shrunk event passed when run again: the handler depends on more than the event. */
  flaky: boolean;
}

const MAX_EVENT_CHARS = 4000;

function shown(text: string): string {
  return text.length > MAX_EVENT_CHARS ? `${text.slice(0, MAX_EVENT_CHARS)}\n… (${text.length - MAX_EVENT_CHARS} more characters: see the saved file)` : text;
}

/** The readable report of a failed contract check: what failed, the minimal event, how to reproduce it. */
export function formatReport(report: FailureReport): string {
  const { invocation } = report;
  const target = report.replayArgs ?? `--handler ${report.replayHandler} --platform ${report.platform}`;
  const lines = [
    `fc-sim: the handler failed "${report.failure.check}" on a ${report.source} event after ${report.runs} run${report.runs === 1 ? '' : 's'} (shrunk ${report.shrinks} time${report.shrinks === 1 ? '' : 's'}):`,
    `  ${report.failure.message}`,
    ...(report.flaky ? ['  (run again, this event passed: the handler depends on more than the event: state, time, randomness)'] : []),
    '',
    'Event (shrunk):',
    shown(eventJson(report.event)),
    '',
  ];
  if (invocation.error) lines.push('Handler error:', JSON.stringify(invocation.error, null, 2), '');
  lines.push('Logs:', ...invocation.logs, '');
  if (report.savedTo) {
    lines.push(`Saved to ${report.savedTo} (replayed first on the next run).`);
    // The CLI knows the built-in checks, not the test's own property: that one replays by running the test again.
    lines.push(
      report.failure.check === 'property'
        ? `Replay this event: run this test again (the saved event comes first); npx fc-sim replay ${report.savedTo} ${target} runs it with the built-in checks only`
        : `Replay this event: npx fc-sim replay ${report.savedTo} ${target}`,
    );
  }
  if (report.notSaved) lines.push(`Not saved: cannot write to ${report.notSaved}`);
  const fuzz = report.source === 'custom events' ? '' : ` or npx fc-sim fuzz ${report.source} ${target} --seed ${report.seed} --path ${report.path}`;
  lines.push(`Replay this run:   checkHandler({ …, seed: ${report.seed}, path: "${report.path}" })${fuzz}`);
  return lines.join('\n');
}
