import { FcSimError } from '../../errors.js';
import { deliver } from '../../triggers/delivery.js';
import type { EventKind } from '../../triggers/basics.js';
import { buildKind, deliveryOfKind, schemaOfKind, triggerBasics } from '../../triggers/basics.js';
import type { FlagSpec } from '../../triggers/types.js';
import { setAtPath } from '../../io/json-pointer.js';
import type { ValidationIssue } from '../../schema/issues.js';
import { formatIssue } from '../../schema/issues.js';
import { validate } from '../../schema/validate.js';
import type { FunctionFlags } from '../function-options.js';
import { chosenPlatform, refuseFunctionFlags } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { hasTarget, refuseRemoteFlags } from '../target-options.js';
import type { PreparedEvent } from '../run-invocations.js';

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

/** `--set pointer=value`: the value is JSON when it parses as JSON, else the text itself. */
function applySets(event: unknown, sets: readonly string[]): unknown {
  let result = event;
  for (const assignment of sets) {
    const at = assignment.indexOf('=');
    if (at <= 0)
      throw new FcSimError(
        'E_USAGE',
        `--set: expected path=value, got ${JSON.stringify(assignment)}`,
        'e.g. --set /events/0/oss/object/size=0 or --set events.0.region=cn-shanghai',
      );
    const raw = assignment.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself, so that --set key=photo.jpg needs no JSON quoting.
    }
    result = setAtPath(result, assignment.slice(0, at), value);
  }
  return result;
}

/** Names the flag behind a schema issue, when one sets that part of the event. */
function flagFor(kind: EventKind, issue: ValidationIssue): string | undefined {
  const spec = triggerBasics(kind.trigger).flags.find((flag) => flag.pointers.some((pointer) => issue.pointer.startsWith(pointer)));
  return spec ? spec.flags.split(' ')[0] : undefined;
}

function checked(kind: EventKind, event: unknown, stage: 'flags' | 'set', io: CommandIo): void {
  const schema = schemaOfKind(kind, event);
  if (!schema) return;
  const { issues } = validate(schema, event);
  if (issues.length === 0) return;
  const lines = issues.map((issue) => {
    const flag = flagFor(kind, issue);
    return `  ${flag ? `${flag}: ` : ''}${formatIssue(issue).replace(/\n/g, '\n  ')}`;
  });
  if (stage === 'flags') {
    throw new FcSimError(
      'E_USAGE',
      `these values make an event FC would not send:\n${lines.join('\n')}`,
      'change the flags above; --set changes any field without this check',
    );
  }
  io.stderr.write(`fc-sim: warning: after --set the event is not a valid ${schema} event (printed anyway):\n${lines.join('\n')}\n`);
}

function render(event: unknown, ndjson: boolean): string {
  // A STREAM-format MNS event without attributes is the raw message body: printed as is, one JSON string in NDJSON.
  if (typeof event === 'string' && !ndjson) return event.endsWith('\n') ? event : `${event}\n`;
  return ndjson ? `${JSON.stringify(event)}\n` : `${JSON.stringify(event, null, 2)}\n`;
}

/** `fc-sim <kind>`: prints the kind's event, or events drawn from its generator. */
export async function eventCommand(kind: EventKind, options: EventCommandOptions, io: CommandIo): Promise<number> {
  const params = flagParams(kind, options);
  const count = options.count ?? 1;
  const random = options.random === true || count > 1 || options.seed !== undefined;
  // HTTP kinds: the request of the platform's calling convention (FC 2.0's request, FC 3.0's event).
  const fc2 = chosenPlatform(options, io) === 'fc2';
  let events: unknown[];
  if (random) {
    // This trigger's module alone: the generators and project rules of the others stay unloaded.
    const [{ default: fc }, module] = await Promise.all([import('fast-check'), triggerBasics(kind.trigger).load()]);
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    if (options.seed === undefined) io.stderr.write(`fc-sim: seed ${seed} (add --seed ${seed} to draw the same events again)\n`);
    events = fc.sample(module.kindArbitrary(kind, params, { fc2 }), { seed, numRuns: count });
  } else {
    events = [buildKind(kind, params, { fc2 })];
  }
  const finished = events.map((built) => {
    checked(kind, built, 'flags', io);
    const event = options.set?.length ? applySets(built, options.set) : built;
    if (options.set?.length) checked(kind, event, 'set', io);
    return event;
  });
  if (options.handler !== undefined || options.config !== undefined || hasTarget(options)) {
    const { runInvocations } = await import('../run-invocations.js');
    const region = typeof params.region === 'string' ? { region: params.region } : {};
    const accountId = typeof params.accountId === 'string' ? { accountId: params.accountId } : {};
    return runInvocations(
      finished.map((event) => prepare(kind, event, params, fc2)),
      options,
      io,
      { ...region, ...accountId },
    );
  }
  refuseFunctionFlags(options, `fc-sim ${kind.name} without them prints the event and`);
  refuseRemoteFlags(options);
  if (options.cbor) {
    // One CBOR value per event: with --count, a CBOR sequence (RFC 8742), as decodeAllSync reads it.
    io.stdout.write(Buffer.concat(finished.map((event) => deliver(event, deliveryOfKind(kind)).bytes)));
    return 0;
  }
  io.stdout.write(finished.map((event) => render(event, count > 1)).join(''));
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
