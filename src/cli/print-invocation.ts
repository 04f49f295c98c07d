import type { Invocation } from '../runtime/invocation.js';
import { resultValue, summaryLine } from '../runtime/invocation.js';
import type { CliIo } from './io.js';

/** The result as FC's caller receives it: pretty JSON when it is JSON, the text otherwise, a response for HTTP. */
function renderResult(invocation: Invocation): string {
  if (invocation.http) {
    const headers = Object.entries(invocation.http.headers).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => `${name}: ${item}`),
    );
    return [`HTTP ${invocation.http.statusCode}`, ...headers, '', invocation.http.body.toString()].join('\n');
  }
  const value = resultValue(invocation);
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * Human output: logs, warnings and the summary line on stderr (FC's log stream), the result on stdout, so that
 * `fc-sim oss:put --handler … | jq` gets the result alone.
 */
export function printInvocation(invocation: Invocation, io: CliIo): void {
  const notes = invocation.warnings.map((warning) => `fc-sim: warning: ${warning}`);
  io.stderr.write([...invocation.logs, ...notes, summaryLine(invocation), ''].join('\n'));
  const result = renderResult(invocation);
  io.stdout.write(result.endsWith('\n') || result === '' ? result : `${result}\n`);
}

/** One JSON line per invocation, for scripts. */
export function invocationRecord(invocation: Invocation): Record<string, unknown> {
  return {
    requestId: invocation.requestId,
    status: invocation.status,
    // An answer that is the HTTP response itself (a remote HTTP trigger) is written once, as the response's body.
    result: invocation.status === 'success' && !invocation.http?.body.equals(invocation.body) ? resultValue(invocation) : undefined,
    error: invocation.error,
    http: invocation.http && { ...invocation.http, body: invocation.http.body.toString() },
    logs: invocation.logs,
    warnings: invocation.warnings,
    durationMs: Number(invocation.durationMs.toFixed(3)),
    billedDurationMs: invocation.billedDurationMs,
    memorySizeMb: invocation.memorySizeMb,
    maxMemoryUsedMb: invocation.maxMemoryUsedMb,
  };
}
