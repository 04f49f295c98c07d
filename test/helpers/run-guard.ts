/**
 * What a test run must leave behind: nothing. The run gets a temp folder of its own (TMPDIR, inherited by the test
 * workers and every fc-sim they spawn), removed at the end; what tests left in it, and instance processes whose fc-sim
 * died without ending them, are named on standard error so that the test that leaks can be found and fixed.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

/** Instance processes of this checkout adopted by PID 1: their fc-sim is gone and nothing will end them. */
function orphanedInstances(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!commandLine.includes(join(packageRoot, 'dist/child/runtime/child/bootstrap.js'))) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] !== '1') continue;
      found.push(`${entry} (in ${readlinkSync(`/proc/${entry}/cwd`)})`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Starts the guard; the function it returns removes the run's temp folder and reports what was left. */
export function guardRun(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'fc-sim-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) process.stderr.write(`test run guard: tests left ${left.length} temp entries (removed): ${left.slice(0, 20).join(', ')}\n`);
    const orphans = process.platform === 'linux' ? orphanedInstances() : [];
    if (orphans.length > 0) process.stderr.write(`test run guard: instance processes outlived their fc-sim: ${orphans.join(', ')}\n`);
  };
}
