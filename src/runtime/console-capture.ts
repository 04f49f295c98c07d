import { AsyncLocalStorage } from 'node:async_hooks';
import { consoleLevels } from './log-format.js';

type ConsoleMethod = keyof typeof consoleLevels;
type ConsoleFunction = (...args: unknown[]) => void;

/** Where one call's console output goes, until the call ends. */
interface Capture {
  write: (level: string, args: unknown[]) => void;
  open: boolean;
}

/** The capture of the call whose code is running: async context follows the handler into its awaits and timers. */
const captures = new AsyncLocalStorage<Capture>();
const methods = Object.keys(consoleLevels) as ConsoleMethod[];

/** The console's own functions and the ones put in their place, while any capture runs. */
let patch: { target: Console; originals: Record<ConsoleMethod, ConsoleFunction>; routers: Record<ConsoleMethod, ConsoleFunction> } | undefined;
let running = 0;

function patchConsole(): void {
  const target = console;
  const table = target as unknown as Record<ConsoleMethod, ConsoleFunction>;
  const originals = {} as Record<ConsoleMethod, ConsoleFunction>;
  const routers = {} as Record<ConsoleMethod, ConsoleFunction>;
  for (const method of methods) {
    const original = table[method];
    const level = consoleLevels[method];
    originals[method] = original;
    routers[method] = function (this: unknown, ...args: unknown[]) {
      const capture = captures.getStore();
      if (capture?.open) capture.write(level, args);
      else Reflect.apply(original, this, args);
    };
    table[method] = routers[method];
  }
  patch = { target, originals, routers };
}

/** Puts the console's own functions back; a method someone replaced since (a test spy) is theirs and stays. */
function restoreConsole(): void {
  if (!patch) return;
  const table = patch.target as unknown as Record<ConsoleMethod, ConsoleFunction>;
  for (const method of methods) if (table[method] === patch.routers[method]) table[method] = patch.originals[method];
  patch = undefined;
}

/**
 * Runs `call` with its console output (console.log, info, warn, error, debug, trace) sent to `write`, however many
 * calls run at once: each write goes to the call whose code made it, found through the async context. The console is
 * patched while any call runs and restored to the very same functions when the last one ends. Output from code
 * outside every call, or from a call that has ended (a handler still running after its timeout), goes to the
 * console as usual.
 */
export async function withConsoleCaptured<T>(write: (level: string, args: unknown[]) => void, call: () => Promise<T>): Promise<T> {
  if (running === 0) patchConsole();
  running += 1;
  const capture: Capture = { write, open: true };
  try {
    return await captures.run(capture, call);
  } finally {
    capture.open = false;
    running -= 1;
    if (running === 0) restoreConsole();
  }
}
