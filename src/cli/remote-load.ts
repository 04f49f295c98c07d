import { closeSync, openSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { FcSimError } from '../errors.js';
import type { LoadEvent, LoadOptions, LoadRecord, LoadSummary } from '../remote/load-run.js';
import { runLoad, DEFAULT_CONCURRENCY } from '../remote/load-run.js';
import { progressBar } from '../remote/progress.js';
import type { Redactor } from '../remote/redact.js';
import type { RemoteInstance } from '../remote/remote-instance.js';
import { formatSummary } from '../remote/summary.js';
import type { Delivery } from '../triggers/delivery.js';
import { deliver } from '../triggers/delivery.js';
import type { FunctionFlags } from './function-options.js';
import type { CommandIo } from './io.js';
import { pathIn } from './io.js';
import { invocationRecord } from './print-invocation.js';
import type { PreparedEvent } from './run-invocations.js';

/** Failures listed one by one before the summary; the rest are in --out. */
const SHOWN_FAILURES = 20;

/** One result-file line: what happened to the event, then the invocation as `--json` prints it. Credentials redacted. */
export function recordLine(record: LoadRecord, redactor: Redactor): string {
  const { result, failure } = record;
  const invocation = invocationRecord(result.invocation);
  const http = invocation.http as { headers?: Record<string, string | string[]> } | undefined;
  const value = {
    index: record.index,
    event: record.event.label,
    outcome: result.outcome,
    passed: failure === undefined,
    ...(failure ? { check: failure.check, message: failure.message } : {}),
    attempts: result.attempts,
    latencyMs: Number(result.latencyMs.toFixed(3)),
    ...(result.statusCode === undefined ? {} : { statusCode: result.statusCode }),
    ...invocation,
    ...(http?.headers ? { http: { ...http, headers: redactor.headers(http.headers) } } : {}),
  };
  return redactor.redact(JSON.stringify(value));
}

function openOut(file: string, io: CommandIo): WriteStream {
  let fd: number;
  try {
    fd = openSync(pathIn(io, file), 'w');
  } catch (error) {
    throw new FcSimError('E_WRITE', `--out ${file}: cannot write: ${(error as Error).message}`, 'check the folder exists and is writable');
  }
  try {
    return createWriteStream('', { fd });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Sends events to a remote target as a load run: the progress bar on a terminal, each failure (the first 20), a
 * summary (outcomes, HTTP statuses, latency percentiles), `--out` records, and Ctrl-C that stops sending, writes
 * every record (in flight: interrupted; the rest: not-sent) and exits 130.
 * Exit status: 0 every event passed, 1 one failed, 130 interrupted.
 */
export async function runRemoteLoad(
  events: readonly LoadEvent[],
  target: RemoteInstance,
  flags: FunctionFlags,
  io: CommandIo,
  checks?: LoadOptions['checks'],
): Promise<number> {
  const out = flags.out === undefined ? undefined : openOut(flags.out, io);
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const report = flags.json ? io.stderr : io.stdout;
  const bar = flags.json ? { update: () => undefined, done: () => undefined } : progressBar(events.length, io.stderr);
  const failures: string[] = [];
  const concurrency = flags.concurrency ?? DEFAULT_CONCURRENCY;
  let summary: LoadSummary;
  try {
    summary = await runLoad(events, target, {
      concurrency,
      ...(flags.rate === undefined ? {} : { rate: flags.rate }),
      signal: controller.signal,
      ...(checks ? { checks } : {}),
      onRecord: (record) => {
        const line = out || flags.json ? recordLine(record, io.redactor) : '';
        out?.write(`${line}\n`);
        if (flags.json) io.stdout.write(`${line}\n`);
        if (record.failure && record.result.outcome !== 'not-sent' && failures.length < SHOWN_FAILURES) {
          failures.push(`✗ ${record.event.label}: ${record.failure.check}: ${record.failure.message}`);
        }
      },
      onProgress: (stats) => bar.update(stats.done),
    });
  } finally {
    process.off('SIGINT', onSigint);
    bar.done();
    if (controller.signal.aborted) await target.destroy();
    else {
      const preStop = await target.dispose();
      if (preStop && preStop.status !== 'success') io.stderr.write(`fc-sim: PreStop failed: ${preStop.error?.errorMessage ?? preStop.status}\n`);
    }
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  }
  const { stats } = summary;
  if (failures.length > 0) {
    const more = stats.failed - stats.outcomes['not-sent'] - failures.length;
    report.write(
      `${failures.join('\n')}\n${more > 0 ? `  … and ${more} more failures${flags.out ? ` (every record is in ${flags.out})` : ' (--out results.ndjson keeps every record)'}\n` : ''}`,
    );
  }
  report.write(formatSummary(summary, target.description, concurrency));
  if (summary.interrupted) {
    const done = summary.total - stats.outcomes['not-sent'] - stats.outcomes.interrupted;
    io.stderr.write(
      `fc-sim: interrupted: ${done} of ${summary.total} events done, ${stats.outcomes.interrupted} interrupted in flight, ${stats.outcomes['not-sent']} not sent${flags.out ? `; all ${summary.total} records are in ${flags.out}` : ''}\n`,
    );
    return 130;
  }
  return stats.failed > 0 ? 1 : 0;
}

/** Events of `fc-sim <kind> --count N --url …` and the like, named by their position. */
export function numberedEvents(events: readonly PreparedEvent[]): LoadEvent[] {
  return events.map((event, index) => ({ label: `#${index + 1}`, bytes: event.bytes, ...(event.http ? { http: event.http } : {}) }));
}

/** `fc-sim replay <files> --url …`: saved events (failures or plain event files) to a remote target, judged as every event is. */
export async function replayAgainstTarget(
  loaded: ReadonlyArray<{ file: string; event: unknown; delivery: Delivery }>,
  target: RemoteInstance,
  flags: FunctionFlags,
  io: CommandIo,
  checks?: LoadOptions['checks'],
): Promise<number> {
  const events = loaded.map(({ file, event, delivery }) => {
    const { bytes, options } = deliver(event, delivery);
    return { label: file, bytes, ...(options.http ? { http: options.http } : {}) };
  });
  return runRemoteLoad(events, target, flags, io, checks);
}
