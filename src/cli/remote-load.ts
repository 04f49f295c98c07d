import { readAhead } from '../io/read-ahead.js';
import type { LoadEvent, LoadOptions, LoadRecord, LoadSummary } from '../remote/load-run.js';
import { runLoad, DEFAULT_CONCURRENCY } from '../remote/load-run.js';
import { progressBar } from '../remote/progress.js';
import type { Redactor } from '../remote/redact.js';
import type { RemoteInstance } from '../remote/remote-instance.js';
import { formatSummary } from '../remote/summary.js';
import type { FunctionFlags } from './function-options.js';
import type { CommandIo } from './io.js';
import { invocationRecord } from './print-invocation.js';
import type { InputEvent } from './read-events.js';
import { loadedEvent, preparedOf } from './read-events.js';
import { closeOut, openOut } from './records.js';
import type { PreparedEvent } from './run-invocations.js';
import type { StopSignal } from './signals.js';
import { onStopSignal, signalExitStatus } from './signals.js';

/** Events read ahead of the requests at most, and their bytes (memory stays bounded whatever the inputs' size). */
const READ_AHEAD_EVENTS = 256;
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

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

/**
 * Sends events to a remote target as a load run: the progress bar on a terminal, each failure (the first 20), a
 * summary (outcomes, HTTP statuses, latency percentiles), `--out` records, and Ctrl-C (or SIGTERM, SIGHUP) that
 * stops sending, writes every record (in flight: interrupted; the rest: not-sent) and exits 128 + the signal.
 * Exit status: 0 every event passed, 1 one failed, 130 interrupted by SIGINT (143 SIGTERM, 129 SIGHUP).
 */
export async function runRemoteLoad(
  events: Iterable<LoadEvent> | AsyncIterable<LoadEvent>,
  target: RemoteInstance,
  flags: FunctionFlags,
  io: CommandIo,
  checks?: LoadOptions['checks'],
): Promise<number> {
  const out = flags.out === undefined ? undefined : openOut(flags.out, io);
  const controller = new AbortController();
  // SIGTERM (kill, timeout, CI cancellation) and SIGHUP stop the run as Ctrl-C does: every record, the summary.
  let stoppedBy: StopSignal | undefined;
  const stopListening = onStopSignal((signal) => {
    stoppedBy = signal;
    controller.abort();
  });
  const report = flags.json ? io.stderr : io.stdout;
  const bar = flags.json ? { update: () => undefined, done: () => undefined } : progressBar(Array.isArray(events) ? events.length : undefined, io.stderr);
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
    stopListening();
    bar.done();
    if (controller.signal.aborted) await target.destroy();
    else {
      const preStop = await target.dispose();
      if (preStop && preStop.status !== 'success') io.stderr.write(`fc-sim: PreStop failed: ${preStop.error?.errorMessage ?? preStop.status}\n`);
    }
    await closeOut(out);
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
    return signalExitStatus(stoppedBy ?? 'SIGINT');
  }
  return stats.failed > 0 ? 1 : 0;
}

/** Events of `fc-sim <kind> --count N --url …` and the like, named by their position (an array stays an array: its length is known). */
export function numberedEvents(events: readonly PreparedEvent[]): LoadEvent[];
export function numberedEvents(events: AsyncIterable<PreparedEvent>): AsyncIterable<LoadEvent>;
export function numberedEvents(events: readonly PreparedEvent[] | AsyncIterable<PreparedEvent>): LoadEvent[] | AsyncIterable<LoadEvent> {
  const numbered = (event: PreparedEvent, index: number): LoadEvent => ({
    label: `#${index + 1}`,
    bytes: event.bytes,
    ...(event.http ? { http: event.http } : {}),
  });
  if (Array.isArray(events)) return events.map(numbered);
  return (async function* () {
    let index = 0;
    for await (const event of events as AsyncIterable<PreparedEvent>) yield numbered(event, index++);
  })();
}

/**
 * An input event as replay judges it (loadedEvent), to send: a plain JSON event (and an FC 3.0 HTTP or API Gateway
 * one) is the bytes read, not a copy, and reading parsed them, so they are JSON text: the Content-Type is known.
 * Others (an FC 2.0 request, CBOR, bytes that are not JSON, a saved failure's event) as preparedOf delivers them.
 */
export function loadEventOf(input: InputEvent): LoadEvent {
  const loaded = loadedEvent(input);
  if (loaded.bytes === undefined) return preparedOf(loaded);
  const { label, bytes, delivery } = loaded;
  if (delivery === 'fc3-http' || delivery === 'apigw') return { label, bytes, http: { kind: delivery } };
  return { label, bytes, contentType: 'application/json' };
}

/** The batches' events to send, batch by batch; one that cannot be prepared ends its batch, its error in its place. */
async function* loadEventBatches(batches: AsyncIterable<readonly InputEvent[]>, noEvents: () => Error): AsyncGenerator<LoadEvent[]> {
  let count = 0;
  for await (const batch of batches) {
    const events: LoadEvent[] = [];
    try {
      for (const input of batch) events.push(loadEventOf(input));
    } catch (error) {
      if (events.length > 0) yield events;
      throw error;
    }
    count += events.length;
    yield events;
  }
  if (count === 0) throw noEvents();
}

/**
 * `fc-sim replay <files> --url …`: saved events (failures, plain event files, NDJSON lines) to a remote target, each
 * as replay judges it (loadEventOf), read ahead of the requests in the batches they were read in. No events at all:
 * `noEvents()`'s error.
 */
export async function replayAgainstTarget(
  batches: AsyncIterable<readonly InputEvent[]>,
  noEvents: () => Error,
  target: RemoteInstance,
  flags: FunctionFlags,
  io: CommandIo,
  checks?: LoadOptions['checks'],
): Promise<number> {
  // Files are read (and parsed) while the requests of those read before are on their way, not between them.
  const ahead = readAhead(loadEventBatches(batches, noEvents), { items: READ_AHEAD_EVENTS, bytes: READ_AHEAD_BYTES, sizeOf: (event) => event.bytes.length });
  return runRemoteLoad(ahead, target, flags, io, checks);
}
