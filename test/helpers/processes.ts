import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Whether a process runs: it exists and is not a zombie (dead, waiting for its parent to collect its status). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Polls `condition` every 5 ms until it holds; throws after `timeoutMs` naming `what`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(5);
  }
}

/** Waits until none of the processes runs (a killed process takes a moment to go); throws naming a survivor. */
export async function waitGone(pids: readonly number[], timeoutMs = 2000): Promise<void> {
  await waitUntil(() => pids.every((pid) => !isRunning(pid)), `processes ${pids.join(', ')} to end`, timeoutMs);
}

/** The text of a file once it exists (written atomically by its writer). */
export async function fileText(path: string, timeoutMs = 10_000): Promise<string> {
  await waitUntil(() => existsSync(path), path, timeoutMs);
  return readFileSync(path, 'utf8');
}
