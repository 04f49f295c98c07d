/**
 * The process of one function instance, as FC's Node.js runtime runs it: it loads handlers from the code folder,
 * keeps them (and so module state) for its life, rewrites console output into FC's log lines, and answers each
 * call. The parent enforces timeouts and memory, and replaces this process when it dies.
 */
import { readFileSync } from 'node:fs';
import { handledError, loadError, unhandledError } from '../fc-errors.js';
import { HandlerLoadError, parseHandlerName, resolveHandlerModule } from '../handler-path.js';
import { consoleLevels, contextLogger, formatLogLine } from '../log-format.js';
import type { FromInstance, ToInstance } from '../protocol.js';
import type { AnyFunction, HandlerOutcome } from '../run-handler.js';
import { runHandler } from '../run-handler.js';
import type { RuntimeTraits } from '../runtimes.js';
import type { WireFormat } from '../wire.js';
import { fromWire, toWire } from '../wire.js';
import { confineToCodeRoot } from './code-root.js';
import { importModule } from './import-module.js';

let traits: RuntimeTraits;
let codeDir: string;
/** The process runs tsx's loader: handler modules may be TypeScript. */
let typescript = false;
/** The call whose logs console output belongs to (one at a time, as FC runs one request per instance). */
let current: { id: number; requestId: string } | undefined;
const loaded = new Map<string, AnyFunction>();

/** The parent names the wire format (wire.ts): JSON when this process runs another Node.js major than fc-sim. */
const wire: WireFormat = process.argv[2] === 'json' ? 'json' : 'advanced';

function send(message: FromInstance, then?: () => void): void {
  process.send!(toWire(wire, message), undefined, {}, then);
}

function log(line: string): void {
  if (current) send({ type: 'log', id: current.id, line });
  else process.stdout.write(`${line}\n`);
}

/**
 * Raw writes to stdout and stderr during a call are log lines of that call, sent on the same channel as the answer
 * so that none arrives after it (a pipe read beside the IPC channel could). Outside a call they go out as usual.
 */
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!current) return write(chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
    for (const line of text.split(/\r?\n/)) if (line !== '') send({ type: 'log', id: current.id, line });
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}

for (const [method, level] of Object.entries(consoleLevels)) {
  (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args: unknown[]) =>
    log(formatLogLine(level, current?.requestId ?? '', args));
}

/**
 * nodejs12/14 run Node < 15, where an unhandled rejection only prints a warning through `console.error` (runtime.md,
 * Corrections 2); on a newer Node (the host's, when the runtime's own is not there) it would be an uncaught exception:
 * this prints Node 14's warning instead. Node < 15 prints it itself (a listener would silence it).
 */
function warnOfRejection(reason: unknown): void {
  const shown = reason instanceof Error ? (reason.stack ?? String(reason)) : String(reason);
  console.error(`(node:${process.pid}) UnhandledPromiseRejectionWarning: ${shown}`);
  console.error(
    `(node:${process.pid}) UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch().`,
  );
}

async function load(handler: string): Promise<AnyFunction> {
  const cached = loaded.get(handler);
  if (cached) return cached;
  const name = parseHandlerName(handler);
  const module = resolveHandlerModule(codeDir, name, traits, typescript);
  let exports: Record<string, unknown>;
  if (module.format === 'module' && !traits.esm) {
    // nodejs ≤ 16 require() every handler; Node 20 would load the ES module anyway, FC's old runtimes cannot.
    throw Object.assign(new Error(`require() of ES Module ${module.file} not supported.`), { code: 'ERR_REQUIRE_ESM' });
  }
  if (module.format === 'module') exports = await importModule(module.file);
  // Required by this file, as FC's agent requires it from its own (AGENT `prepare_code.js`): a module the handler cannot
  // find shows a `Require stack` of the handler, then the runtime's files.
  else exports = require(module.file) as Record<string, unknown>;
  const fn = exports[name.exportName];
  if (typeof fn !== 'function') {
    // FC's nodejs12–16 agent names the module as the handler string does (runtime.md, Corrections 6).
    const named = traits.legacyAgent ? name.module : module.file;
    throw new HandlerLoadError({ errorMessage: `Handler '${name.exportName}' is missing on module '${named}'`, errorType: 'HandlerNotFound' });
  }
  log(`load code for handler:${handler}`);
  loaded.set(handler, fn as AnyFunction);
  return fn as AnyFunction;
}

async function call(message: Extract<ToInstance, { type: 'call' }>): Promise<void> {
  const requestId = String(message.context.requestId);
  current = { id: message.id, requestId };
  const context = { ...message.context, logger: contextLogger(requestId, log, traits.platform) };
  const event = message.event === undefined ? undefined : Buffer.from(message.event.buffer, message.event.byteOffset, message.event.byteLength);
  let outcome: HandlerOutcome;
  try {
    const fn = await load(message.handler);
    if (message.http) {
      // Loaded at the first HTTP call: node:http costs an event function's start ~15 ms (the instance's V8 flags turn
      // off Node's code cache, so each built-in module it loads is compiled).
      const { runFc2HttpHandler } = await import('../fc2-http.js');
      outcome = await runFc2HttpHandler(fn, message.http, event ?? Buffer.alloc(0), context, traits);
    } else
      outcome = await runHandler(fn, event === undefined ? [context] : [event, context], traits, (text) =>
        send({ type: 'warning', id: message.id, message: text }),
      );
  } catch (error) {
    // Only loading throws here: the runners turn the handler's own errors into outcomes.
    outcome = {
      kind: 'unhandled',
      error: error instanceof HandlerLoadError ? loadError(error.body, traits.legacyAgent) : unhandledError(error, traits.legacyAgent, 'load'),
    };
  }
  if (current?.id !== message.id) return;
  current = undefined;
  send({ type: 'done', id: message.id, outcome, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
}

process.on('message', (received: unknown) => {
  const message = fromWire<ToInstance>(wire, received);
  if (message.type === 'start') {
    ({ traits, codeDir } = message);
    typescript = message.typescript === true;
    confineToCodeRoot(codeDir);
    if (traits.rejectionWarns && Number(process.versions.node.split('.')[0]) >= 15) process.on('unhandledRejection', warnOfRejection);
    send({ type: 'ready' });
    return;
  }
  void call(message);
});

/**
 * An exception thrown outside the handler's call stack (a timer, an event emitter). FC's nodejs12–16 agent catches it
 * and answers with the string "FunctionUnhandledError: uncaughtException" (so its type reads FunctionHandledError and
 * the End line "Handled function error": runtime.md, Corrections 6) and keeps the process; for nodejs 18/20 FC's
 * behaviour is not documented: fc-sim reports the error itself and ends the process, as Node does by default.
 */
process.on('uncaughtException', (error) => {
  const id = current?.id ?? -1;
  log(formatLogLine('error', current?.requestId ?? '', [error]));
  current = undefined;
  const fatal = !traits?.legacyAgent;
  const answer = fatal
    ? unhandledError(error, false, 'uncaught')
    : { ...handledError('FunctionUnhandledError: uncaughtException'), cause: 'uncaught' as const };
  send({ type: 'uncaught', id, kind: fatal ? 'unhandled' : 'handled', error: answer, fatal }, fatal ? () => process.exit(1) : undefined);
});

/** Whether this process leads its own process group, as fc-sim forks it (Linux's /proc; elsewhere: not known, no). */
function leadsOwnGroup(): boolean {
  try {
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, the fields after its last ')' do not.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === process.pid;
  } catch {
    return false;
  }
}

/**
 * fc-sim went away (the IPC channel closed, as when it was killed with SIGKILL and could not end the group itself):
 * the instance ends, and with it what its handler spawned, its process group. A backstop: a handler busy in a loop
 * never gets here, fc-sim ends its group on every exit it lives through.
 */
process.on('disconnect', () => {
  if (leadsOwnGroup()) process.kill(0, 'SIGKILL');
  process.exit(0);
});
