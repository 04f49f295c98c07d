import { readFileSync } from 'node:fs';

/** A live process's resident set size from Linux's /proc (0 elsewhere, or once it is gone). */
export function rssBytes(pid: number | undefined): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** How often a running call's memory is looked at: a handler filling memory gains at most a few MB in between. */
const WATCH_INTERVAL_MS = 25;

/**
 * Calls `exceeded` once when the process's resident memory passes `limitBytes`: FC limits an instance's memory,
 * Buffers and native memory included, not only the V8 heap (runtime.md, Corrections 10). Returns the stop function.
 */
export function watchMemory(pid: number | undefined, limitBytes: number, exceeded: (rss: number) => void): () => void {
  const timer = setInterval(() => {
    const rss = rssBytes(pid);
    if (rss <= limitBytes) return;
    clearInterval(timer);
    exceeded(rss);
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
