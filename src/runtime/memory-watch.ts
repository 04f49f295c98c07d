import { readdirSync, readFileSync } from 'node:fs';

/** A live process's resident and peak resident memory from Linux's /proc: zeros elsewhere, or once it is gone. */
function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: RegExp) => Number(field.exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb(/VmRSS:\s+(\d+) kB/), peak: kb(/VmHWM:\s+(\d+) kB/) };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * The processes a process started, and they started (Linux's /proc: each thread's `children`). With `allThreads`
 * false, only the children each process's main thread started: one read per process instead of one per thread.
 */
function descendants(pid: number, allThreads: boolean): number[] {
  const tree = [pid];
  for (let next = 0; next < tree.length; next++) {
    const parent = tree[next]!;
    let threads: string[];
    try {
      threads = allThreads ? readdirSync(`/proc/${parent}/task`) : [String(parent)];
    } catch {
      continue;
    }
    for (const thread of threads) {
      try {
        for (const child of readFileSync(`/proc/${parent}/task/${thread}/children`, 'utf8').split(' ')) if (child !== '') tree.push(Number(child));
      } catch {
        // The thread or the process ended meanwhile.
      }
    }
  }
  return tree.slice(1);
}

/** The resident memory of a process and everything it started, as FC counts an instance's (its container's). */
function treeRssBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  return [pid, ...descendants(pid, true)].reduce((sum, member) => sum + memoryOf(member).rss, 0);
}

/**
 * What an instance's memory has surely reached, looked at once per answer: the process's own peak (VmHWM), or what
 * it and its children hold now, the larger (summing peaks of different moments could kill where FC would not).
 * Only the children of main threads: Node starts child processes from the thread that asks, and the watch below
 * looks at every thread's, every 25 ms, for about ten times the cost of this.
 */
export function peakMemoryBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const own = memoryOf(pid);
  const held = descendants(pid, false).reduce((sum, child) => sum + memoryOf(child).rss, own.rss);
  return Math.max(own.peak, held);
}

/** How often a running call's memory is looked at: a handler filling memory gains at most a few MB in between. */
const WATCH_INTERVAL_MS = 25;

/**
 * Calls `exceeded` once when the resident memory of the process and what it started passes `limitBytes`: FC limits
 * an instance's memory, Buffers, native memory and child processes included, not only the V8 heap (runtime.md,
 * Corrections 10). `read`, when given, gets each reading. Returns the stop function.
 */
export function watchMemory(pid: number | undefined, limitBytes: number, exceeded: (rss: number) => void, read?: (rss: number) => void): () => void {
  const timer = setInterval(() => {
    const rss = treeRssBytes(pid);
    read?.(rss);
    if (rss <= limitBytes) return;
    clearInterval(timer);
    exceeded(rss);
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
