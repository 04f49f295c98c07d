import { formatWithOptions } from 'node:util';
import type { Platform } from './runtimes.js';

/**
 * Console methods and the level FC's runtime writes for each (nodejs16 `console.js`). `console.trace` is not among
 * them: Node's own writes `Trace: …` and the stack through `console.error`, an `[error]` line (runtime.md, Corrections 7).
 */
export const consoleLevels = { log: 'verbose', info: 'info', warn: 'warn', error: 'error', debug: 'debug' } as const;

/** The level names FC's logger knows (nodejs16 `logger.js`); `setLogLevel` ignores any other. */
const LOG_LEVELS = ['error', 'warn', 'info', 'verbose', 'debug', 'silly'];

/** FC caps one log line at 32 KB. */
const MAX_LINE_BYTES = 32 * 1024;

/**
 * One log line as FC writes it: `<ISO time> <requestId> [<level>] <message>`, with newlines inside the message
 * turned into `\r` so that a multi-line message stays one line.
 */
export function formatLogLine(level: string, requestId: string, args: readonly unknown[], time = new Date()): string {
  const message = formatWithOptions({ colors: false }, ...args).replace(/\r?\n/g, '\r');
  const line = `${time.toISOString()} ${requestId} [${level}] ${message}`;
  return Buffer.byteLength(line) > MAX_LINE_BYTES ? Buffer.from(line).subarray(0, MAX_LINE_BYTES).toString() : line;
}

type LogMethod = (...args: unknown[]) => void;

interface ContextLogger {
  requestId: string;
  logLevel?: string;
  log: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  setLogLevel: (name: unknown) => void;
}

/**
 * `context.logger`: FC's line format; `log()` uses the level set with `setLogLevel` (default `silly`, as nodejs16's
 * ContextLog), which lower-cases a known level name and ignores an unknown one. FC 2.0's logger carries its level as
 * `logLevel` (it serialises as `{requestId, logLevel}`: runtime.md, Corrections 7).
 */
export function contextLogger(requestId: string, write: (line: string) => void, platform: Platform): ContextLogger {
  let level = 'silly';
  const at =
    (name: string) =>
    (...args: unknown[]) =>
      write(formatLogLine(name, requestId, args));
  const logger: ContextLogger = {
    requestId,
    ...(platform === 'fc2' ? { logLevel: level } : {}),
    log: (...args: unknown[]) => write(formatLogLine(level, requestId, args)),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLogLevel: (name: unknown) => {
      const known = typeof name === 'string' ? name.toLowerCase() : '';
      if (!LOG_LEVELS.includes(known)) return;
      level = known;
      if (platform === 'fc2') logger.logLevel = known;
    },
  };
  return logger;
}
