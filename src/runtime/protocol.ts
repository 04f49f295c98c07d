import type { Fc2HttpRequest } from '../types/generated.js';
import type { ErrorKind, FcErrorBody } from './fc-errors.js';
import type { RuntimeTraits } from './runtimes.js';
import type { HandlerOutcome } from './run-handler.js';

/** What the parent tells an instance's process. */
export type ToInstance =
  /** `typescript`: the process runs tsx's loader, and handler modules may be TypeScript files. */
  | { type: 'start'; traits: RuntimeTraits; codeDir: string; typescript?: boolean }
  /**
   * Calls `handler` (a handler string) with the event bytes and the context; for a lifecycle hook with the context
   * alone; with `http`, as an FC 2.0 HTTP handler with the request (the event bytes are its body).
   */
  | { type: 'call'; id: number; handler: string; event?: Uint8Array; context: Record<string, unknown>; http?: Fc2HttpRequest };

/** What an instance's process tells the parent. */
export type FromInstance =
  /** The process is up and has the runtime's settings: its first message. */
  | { type: 'ready' }
  | { type: 'log'; id: number; line: string }
  | { type: 'warning'; id: number; message: string }
  | { type: 'done'; id: number; outcome: HandlerOutcome; maxRssBytes: number }
  /** An exception nobody caught, while `id` ran; on nodejs 18/20 the process ends after saying so. */
  | { type: 'uncaught'; id: number; kind: ErrorKind; error: FcErrorBody; fatal: boolean };
