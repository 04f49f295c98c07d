import { formatWithOptions } from 'node:util';

/** Console methods and the level FC's runtime writes for each (nodejs16 `console.js`). */
export const consoleLevels = { log: 'verbose', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'verbose' } as const;

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

/** `context.logger`: FC's line format; `log()` uses the level set with setLogLevel (default `silly`, as nodejs16's ContextLog). */
export function contextLogger(requestId: string, write: (line: string) => void) {
  let level = 'silly';
  const at =
    (name: string) =>
    (...args: unknown[]) =>
      write(formatLogLine(name, requestId, args));
  return {
    requestId,
    log: (...args: unknown[]) => write(formatLogLine(level, requestId, args)),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLogLevel: (name: string) => {
      level = name;
    },
  };
}
