import { constants } from 'node:os';
import { endAllGroups } from '../runtime/process-group.js';

/** The signals that stop fc-sim: Ctrl-C, `kill` (and `timeout`, CI cancellation), a closed terminal. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type StopSignal = (typeof STOP_SIGNALS)[number];

/** 128 + the signal's number: the status a shell reports for a process the signal ended (130 for SIGINT). */
export const signalExitStatus = (signal: StopSignal): number => 128 + constants.signals[signal];

/**
 * Calls `stop` on the first stop signal, for a command that ends itself in order (a load run writes its records, a
 * server closes); a second signal exits at once. Returns the function that removes the listeners.
 */
export function onStopSignal(stop: (signal: StopSignal) => void): () => void {
  let received: StopSignal | undefined;
  const listener = (signal: StopSignal) => {
    if (received) void exitNow(signal);
    else {
      received = signal;
      stop(signal);
    }
  };
  for (const signal of STOP_SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, listener);
  };
}

/** Ends every instance's process group (SIGTERM, SIGKILL after a short grace), then exits with the signal's status. */
export async function exitNow(signal: StopSignal): Promise<never> {
  await endAllGroups();
  process.exit(signalExitStatus(signal));
}

/**
 * The fc-sim process's answer to a stop signal no command stops on itself ({@link onStopSignal}): the instances'
 * process groups end with it, within a second (an instance busy in a loop would otherwise spin on, adopted by PID 1).
 */
export function exitOnStopSignals(): void {
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (process.listenerCount(signal) === 1) void exitNow(signal);
    });
  }
}
