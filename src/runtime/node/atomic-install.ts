import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Fills `target` once: `fill` writes into a fresh sibling folder, which is then renamed to `target` in one step, so
 * a reader never sees half a download, and of two processes provisioning at once the first rename wins and the
 * other drops its copy. An interrupted fill leaves only a `.partial-*` folder behind.
 */
export async function installAtomically(target: string, fill: (folder: string) => Promise<void>): Promise<void> {
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.partial-${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(partial);
  try {
    await fill(partial);
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another process finished first: its copy is as good as ours.
      if (!existsSync(target)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
