import { setMaxListeners } from 'node:events';
import { deliveryOf } from '../triggers/delivery.js';
import type { InvokeOptions } from '../runtime/instance.js';
import type { CheckFailure, CheckName, Property } from '../testing/checks.js';
import { enabledChecks, judge } from '../testing/judge.js';
import type { RemoteResult } from './outcome.js';
import { failedResult, notSentResult } from './outcome.js';
import type { RemoteInstance } from './remote-instance.js';
import { sleep } from './retry.js';
import type { LatencySummary } from './stats.js';
import { LoadStats } from './stats.js';

/**
 * One event to send: its bytes and, for HTTP events, how they reach the function.
 *
 * @example
 * ```ts
 * const events: LoadEvent[] = Array.from({ length: 100 }, (_, i) => ({ label: `#${i}`, bytes: eventBytes(buildOssEvent({ key: `uploads/${i}.png` })) }));
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface LoadEvent {
  /** How reports name it: a file, `#12`. */
  label: string;
  bytes: Uint8Array;
  http?: InvokeOptions['http'];
  /** HTTP triggers: the Content-Type a plain event is POSTed with, when known; by default application/json when the bytes are JSON text, else application/octet-stream. */
  contentType?: string;
}

/**
 * Why an event failed: the contract judge's verdict (a check, the property, or no answer such as `http-error`).
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const events = [{ label: 'put', bytes: eventBytes(buildOssEvent()) }];
 * const failures: LoadFailure[] = [];
 * await runLoad(events, target, { onRecord: (record) => record.failure && failures.push(record.failure) });
 * for (const failure of failures) console.error(failure.check, failure.message);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export type LoadFailure = CheckFailure;

/**
 * What happened to one event: every event gets exactly one record.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const events = [{ label: 'put', bytes: eventBytes(buildOssEvent()) }];
 * const records: LoadRecord[] = [];
 * await runLoad(events, target, { onRecord: (record) => records.push(record) });
 * const slow = records.filter((record) => record.result.latencyMs > 1000).map((record) => record.event.label);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface LoadRecord {
  index: number;
  event: LoadEvent;
  result: RemoteResult;
  failure?: LoadFailure;
}

/**
 * How {@link runLoad} sends: concurrency and rate, the checks and property each answer must pass, and callbacks per record.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const events = [{ label: 'put', bytes: eventBytes(buildOssEvent()) }];
 * const controller = new AbortController();
 * const options: LoadOptions = { concurrency: 32, rate: 200, signal: controller.signal, checks: { idempotent: false } };
 * process.once('SIGINT', () => controller.abort());
 * const summary = await runLoad(events, target, options);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface LoadOptions {
  /** Events in flight at once (default 8). */
  concurrency?: number;
  /** Requests started per second, at most (default: as fast as the concurrency allows). */
  rate?: number;
  /** Abort: nothing more is sent, requests in flight end as `interrupted`, the rest as `not-sent`. */
  signal?: AbortSignal;
  /** fc-sim/testing's checks every answer must pass, as `checkHandler` takes them (default: all but `idempotent`). */
  checks?: Partial<Record<CheckName, boolean>>;
  /** Your own property of each answer, after the checks. */
  property?: Property<LoadEvent>;
  /** Each record as its event ends (not-sent ones at the end, in order). */
  onRecord?: (record: LoadRecord) => void;
  /** After each record. */
  onProgress?: (stats: LoadStats) => void;
}

/**
 * What a load run did: how many events, counts by outcome and status, latency percentiles, and whether it was interrupted.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const events = [{ label: 'put', bytes: eventBytes(buildOssEvent()) }];
 * const summary: LoadSummary = await runLoad(events, target, { concurrency: 16 });
 * console.log(`${summary.total} events in ${summary.elapsedMs} ms, p99 ${summary.latency.p99} ms`);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface LoadSummary {
  total: number;
  stats: LoadStats;
  latency: LatencySummary;
  elapsedMs: number;
  interrupted: boolean;
}

export const DEFAULT_CONCURRENCY = 8;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends events to a remote target with bounded concurrency and an optional rate, and reports one record per event
 * whatever happens: N events in, N records out (a server that fails, a request fc-sim cannot build, an interrupt).
 * The events may be a stream (an async iterable): they are read as the requests go, never all held at once; after an
 * interrupt the rest are still read, to record each as not sent.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const events = Array.from({ length: 1000 }, (_, i) => ({ label: `#${i}`, bytes: eventBytes(buildOssEvent({ key: `k/${i}` })) }));
 * const summary = await runLoad(events, target, { concurrency: 32, rate: 200, onRecord: (record) => record.failure && console.error(record.event.label, record.failure.message) });
 * await target.dispose();
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export async function runLoad(events: Iterable<LoadEvent> | AsyncIterable<LoadEvent>, target: RemoteInstance, options: LoadOptions = {}): Promise<LoadSummary> {
  const known = Array.isArray(events) ? events.length : undefined;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, Math.max(1, known ?? Infinity)));
  const { signal } = options;
  // Every request in flight listens to the signal (a request and its retries' waits).
  if (signal) setMaxListeners(concurrency * 2 + 10, signal);
  const stats = new LoadStats();
  const started = performance.now();
  const interval = options.rate && options.rate > 0 ? 1000 / options.rate : 0;
  const source: Iterator<LoadEvent> | AsyncIterator<LoadEvent> =
    Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : (events as Iterable<LoadEvent>)[Symbol.iterator]();
  let next = 0;
  let ended = false;
  // One read at a time: workers take the events in order, and a stream's reader is not re-entered.
  let reading: Promise<unknown> = Promise.resolve();
  const take = (): Promise<{ index: number; event: LoadEvent } | undefined> => {
    const taken = reading.then(async () => {
      if (ended) return undefined;
      const item = await source.next();
      if (item.done) {
        ended = true;
        return undefined;
      }
      return { index: next++, event: item.value };
    });
    reading = taken.catch(() => undefined);
    return taken;
  };
  /** Events taken but not sent (an interrupt during a --rate wait): recorded as not sent, in order, at the end. */
  const unsent: Array<{ index: number; event: LoadEvent }> = [];

  const checks = enabledChecks(options.checks);
  const send = async (event: LoadEvent): Promise<RemoteResult> => {
    try {
      return await target.send(event.bytes, event.http ? { http: event.http } : event.contentType ? { contentType: event.contentType } : {}, signal);
    } catch (error) {
      return failedResult('', { reason: 'client', message: message(error) }, 1, 0);
    }
  };

  /** Judges the event's result (a second delivery for `idempotent` counts in the requests) and records it. */
  const record = async (index: number, event: LoadEvent, result: RemoteResult) => {
    let requests = result.attempts;
    const deliverAgain = async () => {
      const again = await send(event);
      requests += again.attempts;
      return again;
    };
    const failure = await judge(event, result, { checks, delivery: deliveryOf(event), property: options.property, deliverAgain });
    stats.add(result.outcome, requests, result.latencyMs, result.statusCode, failure !== undefined);
    try {
      options.onRecord?.({ index, event, result, ...(failure ? { failure } : {}) });
      options.onProgress?.(stats);
    } catch {
      // A reporter's failure must not lose the remaining events.
    }
  };

  const worker = async () => {
    while (!signal?.aborted) {
      const taken = await take();
      if (!taken) return;
      if (interval > 0) {
        const wait = started + taken.index * interval - performance.now();
        if (wait > 0 && !(await sleep(wait, signal))) {
          unsent.push(taken);
          return;
        }
      }
      await record(taken.index, taken.event, await send(taken.event));
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    unsent.sort((a, b) => a.index - b.index);
    for (const { index, event } of unsent) await record(index, event, notSentResult());
    for (let taken = await take(); taken; taken = await take()) await record(taken.index, taken.event, notSentResult());
  } finally {
    if (!ended) await source.return?.();
  }
  return { total: next, stats, latency: stats.latency(), elapsedMs: performance.now() - started, interrupted: signal?.aborted ?? false };
}
