/**
 * Every instance process leads a process group of its own (forked `detached`): what its handler spawns joins that
 * group, so ending the group ends the instance and everything it started. Groups still alive when fc-sim exits —
 * however it exits: done, a signal, process.exit — are killed then, so none outlives fc-sim at 100% CPU.
 */
import type { ChildProcess } from 'node:child_process';

/** How long a group has to end on SIGTERM before it is sent SIGKILL. */
export const GROUP_GRACE_MS = 200;

/** How often a group that was sent SIGTERM is looked at: short enough that fc-sim waits no longer than it must. */
const POLL_MS = 10;

/** Process groups do not exist on Windows: there, only the instance's own process is killed. */
const hasGroups = process.platform !== 'win32';

/** Leaders (= group ids) of the groups started and not yet ended. */
const liveGroups = new Set<number>();

function signalGroup(leader: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-leader, signal);
    return true;
  } catch {
    // ESRCH: nothing is left in the group.
    return false;
  }
}

function killAllGroups(): void {
  for (const leader of liveGroups) signalGroup(leader, 'SIGKILL');
  liveGroups.clear();
}

let exitHooked = false;

/** The fork options that make the process the leader of a new group (setsid on POSIX). */
export const groupLeaderOptions = { detached: hasGroups } as const;

/**
 * Tracks a process forked with {@link groupLeaderOptions}: its group is killed when fc-sim exits, and what it leaves
 * behind (processes its handler spawned) is ended when it exits.
 */
export function trackGroup(child: ChildProcess): void {
  const leader = child.pid;
  if (!hasGroups || leader === undefined) return;
  liveGroups.add(leader);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', killAllGroups);
  }
  child.once('exit', () => void endGroup(leader));
}

/**
 * Ends a group: SIGTERM to every process in it, SIGKILL to what remains after {@link GROUP_GRACE_MS}. Resolves when
 * the group is empty or was sent SIGKILL. The timers keep fc-sim alive, for at most the grace: an end that is awaited
 * must settle. (Unref'd, they left nothing to run once a custom runtime's server had exited, and `fc-sim test` on a
 * custom runtime ended with Node's exit 13 for an unsettled await, before its summary.)
 */
export function endGroup(leader: number, graceMs = GROUP_GRACE_MS): Promise<void> {
  if (!liveGroups.has(leader)) return Promise.resolve();
  if (!signalGroup(leader, 'SIGTERM')) {
    liveGroups.delete(leader);
    return Promise.resolve();
  }
  const deadline = performance.now() + graceMs;
  return new Promise((resolve) => {
    const look = () => {
      if (!liveGroups.has(leader)) return resolve();
      // A group id cannot be reused while a process of the group is alive, so the SIGKILL reaches no stranger.
      if (signalGroup(leader, 0) && performance.now() < deadline) {
        setTimeout(look, POLL_MS);
        return;
      }
      signalGroup(leader, 'SIGKILL');
      liveGroups.delete(leader);
      resolve();
    };
    setTimeout(look, POLL_MS);
  });
}

/** Ends the group a tracked process leads ({@link endGroup}); where there are no groups, kills the process itself. */
export function endGroupOf(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined && liveGroups.has(child.pid)) return endGroup(child.pid);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return Promise.resolve();
}

let endingAll = false;

/** Whether fc-sim is ending every group to exit: an instance killed so is not a failure of its invocation to report. */
export const endingAllGroups = (): boolean => endingAll;

/**
 * Ends every live group, as {@link endGroup} does: what fc-sim does on SIGINT, SIGTERM or SIGHUP before it exits.
 * Resolves within about {@link GROUP_GRACE_MS}.
 */
export function endAllGroups(graceMs = GROUP_GRACE_MS): Promise<void> {
  endingAll = true;
  // fc-sim waits on this before it exits: the event loop lives until then (the groups' own timers do not hold it).
  const hold = setInterval(() => undefined, 1000);
  return Promise.all([...liveGroups].map((leader) => endGroup(leader, graceMs))).then(() => clearInterval(hold));
}
