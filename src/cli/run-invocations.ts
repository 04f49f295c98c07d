import type { FunctionConfig } from '../runtime/function-config.js';
import { deliveryOf } from '../triggers/delivery.js';
import type { InvokeOptions } from '../runtime/instance.js';
import { isRemoteInstance } from '../remote/remote-instance.js';
import { deliveryTo, enabledChecks, judge } from '../testing/judge.js';
import { checksFromFlag } from './check-flag.js';
import { createTarget } from './create-target.js';
import { printInvocation } from './print-invocation.js';
import { closeOut, localRecordLine, openOut, writeInTurn } from './records.js';
import type { FunctionFlags } from './function-options.js';
import type { CommandIo } from './io.js';

/** An event ready for the runtime: its bytes, and for HTTP how to call the handler. */
export interface PreparedEvent {
  bytes: Buffer;
  http?: InvokeOptions['http'];
}

/**
 * Runs events one after another on one instance, as FC would on a warm instance, and reports every outcome as it
 * comes, read as they are used (a stream of any length keeps memory flat). Events may arrive over time (`overTime`: a
 * timer on the wall clock); otherwise, with a remote target (--url, --target), two events or more (or --out) make a
 * load run: concurrent requests, a progress bar, a summary (fc-sim's remote-load). `--json` prints, and `--out`
 * writes, one JSON line per event.
 * Each invocation is judged as fc-sim/testing judges (the default checks, or --check).
 * Exit status: 0 when every invocation passed, 1 when one failed (a function error, a refused payload, no answer).
 */
export async function runInvocations(
  events: Iterable<PreparedEvent> | AsyncIterable<PreparedEvent>,
  flags: FunctionFlags,
  io: CommandIo,
  eventDefaults: Partial<FunctionConfig> = {},
  { overTime = false }: { overTime?: boolean } = {},
): Promise<number> {
  const selection = checksFromFlag(flags.check);
  const instance = createTarget(flags, io, eventDefaults);
  if (isRemoteInstance(instance) && !overTime) {
    // Two events or more (or --out): a load run, the events read as they are sent.
    const iterator = toAsyncIterator(events);
    const head: PreparedEvent[] = [];
    for (let taken = 0; taken < 2; taken += 1) {
      const item = await iterator.next();
      if (item.done) break;
      head.push(item.value);
    }
    const rest: AsyncIterable<PreparedEvent> = {
      async *[Symbol.asyncIterator]() {
        yield* head;
        for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
      },
    };
    if (head.length > 1 || flags.out !== undefined) {
      const { numberedEvents, runRemoteLoad } = await import('./remote-load.js');
      return runRemoteLoad(Array.isArray(events) ? numberedEvents(events) : numberedEvents(rest), instance, flags, io, selection);
    }
    events = rest;
  }
  const checks = enabledChecks(selection);
  const out = flags.out === undefined ? undefined : openOut(flags.out, io);
  let failed = 0;
  let count = 0;
  try {
    for await (const event of events) {
      count += 1;
      const send = deliveryTo(instance, event.bytes, {
        ...(flags.invocationType ? { invocationType: flags.invocationType } : {}),
        ...(event.http ? { http: event.http } : {}),
      });
      const delivered = await send();
      const failure = await judge(event, delivered, { checks, delivery: deliveryOf(event), deliverAgain: send });
      const { invocation } = delivered;
      if (failure) failed += 1;
      if (out || flags.json) {
        const line = `${localRecordLine(count, (event as { label?: string }).label ?? `#${count}`, invocation, failure, io)}\n`;
        if (out) await writeInTurn(out, line);
        if (flags.json) await writeInTurn(io.stdout, line);
      }
      if (!flags.json) printInvocation(invocation, io);
      if (failure) io.stderr.write(`fc-sim: ✗ ${failure.check}: ${failure.message}\n`);
    }
  } finally {
    const preStop = await instance.dispose();
    if (preStop && !flags.json) io.stderr.write(`${preStop.logs.join('\n')}\n`);
    await closeOut(out);
  }
  if (count > 1 && !flags.json) io.stderr.write(`fc-sim: ${count - failed} of ${count} invocations succeeded\n`);
  return failed > 0 ? 1 : 0;
}

function toAsyncIterator<T>(events: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();
}
