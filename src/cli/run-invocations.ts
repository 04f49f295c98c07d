import type { FunctionConfig } from '../runtime/function-config.js';
import { deliveryOf } from '../triggers/delivery.js';
import type { InvokeOptions } from '../runtime/instance.js';
import { isRemoteInstance } from '../remote/remote-instance.js';
import { deliveryTo, enabledChecks, judge } from '../testing/judge.js';
import { checksFromFlag } from './check-flag.js';
import { createTarget } from './create-target.js';
import { invocationRecord, printInvocation } from './print-invocation.js';
import type { FunctionFlags } from './function-options.js';
import type { CommandIo } from './io.js';

/** An event ready for the runtime: its bytes, and for HTTP how to call the handler. */
export interface PreparedEvent {
  bytes: Buffer;
  http?: InvokeOptions['http'];
}

/**
 * Runs events one after another on one instance, as FC would on a warm instance, and reports every outcome as it
 * comes (events may arrive over time: a timer on the wall clock). With a remote target (--url, --target), several
 * events (or --out) make a load run: concurrent requests, a progress bar, a summary (fc-sim's remote-load).
 * Each invocation is judged as fc-sim/testing judges (the default checks, or --check).
 * Exit status: 0 when every invocation passed, 1 when one failed (a function error, a refused payload, no answer).
 */
export async function runInvocations(
  events: Iterable<PreparedEvent> | AsyncIterable<PreparedEvent>,
  flags: FunctionFlags,
  io: CommandIo,
  eventDefaults: Partial<FunctionConfig> = {},
): Promise<number> {
  const selection = checksFromFlag(flags.check);
  const instance = createTarget(flags, io, eventDefaults);
  if (isRemoteInstance(instance) && Array.isArray(events) && (events.length > 1 || flags.out !== undefined)) {
    const { numberedEvents, runRemoteLoad } = await import('./remote-load.js');
    return runRemoteLoad(numberedEvents(events), instance, flags, io, selection);
  }
  const checks = enabledChecks(selection);
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
      if (flags.json) io.stdout.write(`${JSON.stringify(invocationRecord(invocation))}\n`);
      else printInvocation(invocation, io);
      if (failure) {
        failed += 1;
        io.stderr.write(`fc-sim: ✗ ${failure.check}: ${failure.message}\n`);
      }
    }
  } finally {
    const preStop = await instance.dispose();
    if (preStop && !flags.json) io.stderr.write(`${preStop.logs.join('\n')}\n`);
  }
  if (count > 1 && !flags.json) io.stderr.write(`fc-sim: ${count - failed} of ${count} invocations succeeded\n`);
  return failed > 0 ? 1 : 0;
}
