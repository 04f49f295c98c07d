import { deliver } from '../../triggers/delivery.js';
import type { EventKind } from '../../triggers/basics.js';
import { buildKind, deliveryOfKind, triggerBasics } from '../../triggers/basics.js';
import { triggerModule } from '../../triggers/modules.js';
import type { FlagSpec } from '../../triggers/types.js';
import type { FunctionFlags } from '../function-options.js';
import { chosenPlatform, platformFlag, refuseFunctionFlags } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { hasTarget, refuseRemoteFlags } from '../target-options.js';
import type { PreparedEvent } from '../run-invocations.js';
import { finishedEvent, renderEvent } from '../event-output.js';
import { OutputBatch } from '../output-batch.js';
import { writeInTurn } from '../records.js';

export interface EventCommandOptions extends FunctionFlags {
  set?: string[];
  random?: boolean;
  seed?: number;
  count?: number;
  /** Write the bytes FC delivers (CBOR kinds) instead of the event as JSON. */
  cbor?: boolean;
  [flag: string]: unknown;
}

/** Commander's attribute name of a flag: `--account-id <uid>` → `accountId`. */
export function attributeName(spec: FlagSpec): string {
  const long = /--([a-z0-9-]+)/.exec(spec.flags)![1]!;
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The builder parameters the user's flags set, placed where the builder wants them (an HTTP --path's query). */
function flagParams(kind: EventKind, options: EventCommandOptions): Record<string, unknown> {
  const module = triggerBasics(kind.trigger);
  const params: Record<string, unknown> = {};
  for (const spec of module.flags) {
    const value = options[attributeName(spec)];
    if (value !== undefined) params[spec.param] = value;
  }
  return module.adjustParams ? module.adjustParams(params) : params;
}

/**
 * `fc-sim <kind>`: prints the kind's event, or events drawn from its generator, or runs them against a function.
 * `--count N` streams: each event is drawn, checked, printed (or run) and dropped, so that memory stays flat whatever
 * N is and `| head -1` ends the run at once (the closed pipe: bin.ts).
 */
export async function eventCommand(kind: EventKind, options: EventCommandOptions, io: CommandIo): Promise<number> {
  const params = flagParams(kind, options);
  const count = options.count ?? 1;
  const random = options.random === true || count > 1 || options.seed !== undefined;
  // HTTP kinds: the request of the platform's calling convention (FC 2.0's request, FC 3.0's event).
  // With --function, the platform of the project's function unless a flag names one.
  const named = options.function !== undefined && platformFlag(options) === undefined;
  const fc2 = (named ? (await import('../project-target.js')).namedFunctionPlatform(options, io) : chosenPlatform(options, io)) === 'fc2';
  const runs = options.handler !== undefined || options.config !== undefined || options.function !== undefined || hasTarget(options);
  if (!runs) {
    refuseFunctionFlags(options, `fc-sim ${kind.name} without them prints the event and`);
    refuseRemoteFlags(options);
  }
  let built: Iterable<unknown>;
  if (random) {
    const [{ default: fc }, { drawEvents }] = await Promise.all([import('fast-check'), import('../draw-events.js')]);
    const module = triggerModule(kind.trigger);
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    if (options.seed === undefined) io.stderr.write(`fc-sim: seed ${seed} (add --seed ${seed} to draw the same events again)\n`);
    built = drawEvents(fc, module.kindArbitrary(kind, params, { fc2 }), seed, count);
  } else {
    built = [buildKind(kind, params, { fc2 })];
  }
  // Drawn with no flag set, the events are the generator's own: its tests hold them to the schema (test/triggers/battery.test.ts).
  const generatorsOwn = random && Object.keys(params).length === 0;
  // Synchronous: a promise per event would cost more than printing it; waits happen per written batch.
  function* finished(): Generator<unknown> {
    for (const drawn of built) {
      const { event, warning } = finishedEvent(kind, drawn, options.set, { generatorsOwn });
      if (warning) io.stderr.write(warning);
      yield event;
    }
  }
  if (runs) {
    const { runInvocations } = await import('../run-invocations.js');
    const region = typeof params.region === 'string' ? { region: params.region } : {};
    const accountId = typeof params.accountId === 'string' ? { accountId: params.accountId } : {};
    async function* prepared(): AsyncGenerator<PreparedEvent> {
      for (const event of finished()) yield prepare(kind, event, params, fc2);
    }
    return runInvocations(prepared(), options, io, { ...region, ...accountId });
  }
  // One CBOR value per event: with --count, a CBOR sequence (RFC 8742), as decodeAllSync reads it.
  const delivery = options.cbor ? deliveryOfKind(kind) : undefined;
  const batch = new OutputBatch();
  const flush = async () => {
    await writeInTurn(io.stdout, batch.take());
    // Let the stream report a closed pipe (EPIPE: bin.ts ends the run quietly) before drawing more.
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const event of finished()) {
    if (batch.add(delivery ? deliver(event, delivery).bytes : renderEvent(event, count > 1))) await flush();
  }
  if (!batch.isEmpty) await flush();
  return 0;
}

/** The bytes FC hands the handler for this event, and for HTTP kinds how the handler is called. */
function prepare(kind: EventKind, event: unknown, params: Record<string, unknown>, fc2: boolean): PreparedEvent {
  const delivery = deliveryOfKind(kind, { fc2 });
  // An FC 2.0 request carries its body as text; the handler gets the bytes that were sent (--body-file).
  const delivered = delivery === 'fc2-http' && params.body !== undefined ? { request: event, body: params.body } : event;
  const { bytes, options: invokeOptions } = deliver(delivered, delivery);
  return { bytes, ...(invokeOptions.http ? { http: invokeOptions.http } : {}) };
}
