/**
 * Warnings that wait for the run's next instance start, apart from the Node.js choice that says them: what notes
 * one (a deprecated runtime name read from a flag) is loaded at the CLI's start-up, the provisioning code is not.
 */
const notices: string[] = [];

/** A warning for the run's next instance start to carry (said once, like the rest). */
export function notice(warning: string): void {
  notices.push(warning);
}

/** The warnings noted so far, which are then no longer pending. */
export function takeNotices(): string[] {
  return notices.splice(0);
}
