import type { FSWatcher } from 'node:fs';
import { watch } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Watches code folders and reports a change once it has settled. `fs.watch` with `recursive` where the platform has
 * it (macOS, Windows, Linux on Node.js ≥ 20); elsewhere, or when it fails, polling: a walk of the folder every
 * `pollMs` comparing sizes and modification times (node_modules and .git skipped, at most MAX_POLLED_ENTRIES entries).
 * `.git` changes are ignored either way.
 */
export interface WatchOptions {
  /** Quiet time after the last event before reporting (an editor's save is several events). Default 100 ms. */
  debounceMs?: number;
  /** Polling interval when fs.watch cannot watch recursively. Default 500 ms. */
  pollMs?: number;
  /** Force polling (tests of the fallback). */
  poll?: boolean;
}

export interface CodeWatcher {
  /** How each folder is watched. */
  readonly modes: ReadonlyMap<string, 'watch' | 'poll'>;
  close(): void;
}

export const MAX_POLLED_ENTRIES = 10_000;
const SKIPPED_WHEN_POLLING = new Set(['node_modules', '.git']);
const ignored = (file: string | null) => file !== null && /(^|[\\/])\.git([\\/]|$)/.test(file);

/** Sizes and mtimes of the files under a folder, as one string to compare. */
async function snapshot(dir: string): Promise<string> {
  const parts: string[] = [];
  const pending = [dir];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_POLLED_ENTRIES) {
    const current = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > MAX_POLLED_ENTRIES) break;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_WHEN_POLLING.has(entry.name)) pending.push(path);
        continue;
      }
      try {
        const info = await stat(path);
        parts.push(`${path}:${info.size}:${info.mtimeMs}`);
      } catch {
        // Gone between readdir and stat: the next walk sees it.
      }
    }
  }
  return parts.sort().join('\n');
}

export function watchCode(dirs: readonly string[], onChange: (dir: string, file: string | undefined) => void, options: WatchOptions = {}): CodeWatcher {
  const debounceMs = options.debounceMs ?? 100;
  const pollMs = options.pollMs ?? 500;
  const modes = new Map<string, 'watch' | 'poll'>();
  const watchers: FSWatcher[] = [];
  const intervals: NodeJS.Timeout[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const changed = (dir: string, file: string | undefined) => {
    if (closed) return;
    clearTimeout(timers.get(dir));
    timers.set(
      dir,
      setTimeout(() => {
        timers.delete(dir);
        if (!closed) onChange(dir, file);
      }, debounceMs),
    );
  };

  const poll = (dir: string) => {
    modes.set(dir, 'poll');
    let last: Promise<string> = snapshot(dir);
    let busy = false;
    const interval = setInterval(() => {
      if (busy) return;
      busy = true;
      void Promise.all([last, snapshot(dir)])
        .then(([before, now]) => {
          last = Promise.resolve(now);
          if (before !== now) changed(dir, undefined);
        })
        .finally(() => (busy = false));
    }, pollMs);
    interval.unref();
    intervals.push(interval);
  };

  for (const dir of new Set(dirs)) {
    if (options.poll) {
      poll(dir);
      continue;
    }
    try {
      const watcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
        const name = file === null ? null : String(file);
        if (!ignored(name)) changed(dir, name ?? undefined);
      });
      // A watcher that fails later (the folder removed, too many watches): poll instead.
      watcher.on('error', () => {
        watcher.close();
        if (!closed) poll(dir);
      });
      watchers.push(watcher);
      modes.set(dir, 'watch');
    } catch {
      poll(dir);
    }
  }

  return {
    modes,
    close() {
      closed = true;
      for (const watcher of watchers) watcher.close();
      for (const interval of intervals) clearInterval(interval);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
