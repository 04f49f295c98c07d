import { resolve } from 'node:path';
import type { EventInputOptions, InputEvent } from '../io/event-input.js';
import { readEventBatches, readEventInputs } from '../io/event-input.js';
import { startsLikeCborMap } from '../io/cbor.js';
import { PAYLOAD_LIMITS } from '../runtime/limits.js';
import type { Platform } from '../runtime/runtimes.js';
import { detectSchema } from '../schema/detect.js';
import type { SavedFailure } from '../testing/failures.js';
import { isSavedFailure, parseFailureFile } from '../testing/failures.js';
import type { Delivery } from '../triggers/delivery.js';
import { deliveryOfSchema } from '../triggers/basics.js';
import { deliver } from '../triggers/delivery.js';
import type { CliIo } from './io.js';
import type { PreparedEvent } from './run-invocations.js';

export type { InputEvent } from '../io/event-input.js';

/** How the command line's inputs are read: each event up to FC's payload limit for the invocation type + 1 byte. */
function inputOptions(flags: { invocationType?: string | undefined; out?: string | undefined }, io: Pick<CliIo, 'cwd' | 'stdin'>): EventInputOptions {
  const type = flags.invocationType === 'async' ? 'async' : 'sync';
  return {
    cwd: io.cwd,
    stdin: io.stdin,
    limit: PAYLOAD_LIMITS[type],
    limitName: `the ${type} invocation payload limit`,
    // The run's own records, when --out writes them into a folder being replayed.
    ...(flags.out === undefined ? {} : { exclude: [resolve(io.cwd, flags.out)] }),
  };
}

/**
 * The events of the command line's inputs (files, NDJSON files, folders, `-`), streamed, each read up to FC's payload
 * limit for the invocation type + 1 byte (sync 32 MB, async 128 KB: runtime.md's limits table) and refused beyond.
 */
export function readEvents(
  paths: readonly string[],
  flags: { invocationType?: string | undefined; out?: string | undefined },
  io: Pick<CliIo, 'cwd' | 'stdin'>,
): AsyncGenerator<InputEvent> {
  return readEventInputs(paths, inputOptions(flags, io));
}

/** The same events as {@link readEvents}, in the batches they were read in (consecutive small files, a stream's chunk). */
export function readEventBatchesOf(
  paths: readonly string[],
  flags: { invocationType?: string | undefined; out?: string | undefined },
  io: Pick<CliIo, 'cwd' | 'stdin'>,
): AsyncGenerator<InputEvent[]> {
  return readEventBatches(paths, inputOptions(flags, io));
}

/** An event to judge: its value, how it reaches the handler, and the platform a saved failure ran on. */
export interface LoadedEvent {
  label: string;
  event: unknown;
  delivery: Delivery;
  platform?: Platform;
  /** A saved failure's check and test: a failure of the test's own property is judged only by that test. */
  saved?: Pick<SavedFailure, 'check' | 'corpus' | 'replay'>;
  /** The bytes as read, when they are what FC delivers (a plain JSON event): sent as they are, not written again. */
  bytes?: Buffer;
}

function jsonOf(input: InputEvent): { value: unknown } | undefined {
  if (input.json) return input.json;
  try {
    return { value: JSON.parse(input.bytes.toString('utf8')) };
  } catch {
    return undefined;
  }
}

/** A saved failure (fc-sim's own format, read by its parser: bytes are `{"$base64": …}` there), or undefined. */
function savedFailure(input: InputEvent, value: unknown): LoadedEvent | undefined {
  if (!isSavedFailure(value)) return undefined;
  const saved = parseFailureFile(input.bytes.toString('utf8'));
  if (!isSavedFailure(saved)) return undefined;
  // Files saved before fc-sim recorded the platform: FC 2.0 for FC 2.0 requests.
  const platform = saved.platform ?? (saved.delivery === 'fc2-http' ? 'fc2' : undefined);
  const { check, corpus, replay } = saved;
  return {
    label: input.label,
    event: saved.event,
    delivery: saved.delivery,
    ...(platform ? { platform } : {}),
    saved: { check, ...(corpus ? { corpus } : {}), ...(replay ? { replay } : {}) },
  };
}

/**
 * What `replay` judges: a saved failure's event as it was delivered and on its platform; a plain event recognised
 * by its shape (an FC 2.0 request is for a function on FC 2.0); bytes that are not JSON (an MNS STREAM body, CBOR)
 * delivered as they are.
 */
export function loadedEvent(input: InputEvent): LoadedEvent {
  const json = jsonOf(input);
  if (!json) return { label: input.label, event: input.bytes, delivery: /\.cbor$/i.test(input.label) || startsLikeCborMap(input.bytes) ? 'cbor' : 'event' };
  const saved = savedFailure(input, json.value);
  if (saved) return saved;
  const delivery = deliveryOfSchema(detectSchema(json.value)?.schema);
  // An FC 2.0 request is delivered as its body, a Tablestore event as CBOR: the others as the bytes read.
  const asRead = delivery !== 'fc2-http' && delivery !== 'cbor' ? { bytes: input.bytes } : {};
  return { label: input.label, event: json.value, delivery, ...asRead, ...(delivery === 'fc2-http' ? { platform: 'fc2' as const } : {}) };
}

/** A loaded event as the runtime takes it: the bytes FC delivers and, for HTTP, how the handler is called. */
export function preparedOf(loaded: LoadedEvent): PreparedEvent & { label: string } {
  const { bytes, options } = deliver(loaded.bytes ?? loaded.event, loaded.delivery);
  return { label: loaded.label, bytes, ...(options.http ? { http: options.http } : {}) };
}

/**
 * What `invoke` sends: the bytes exactly as read, unless they are a failure fc-sim saved (then its event, as it was
 * delivered, and its platform).
 */
export function invokedEvent(input: InputEvent): PreparedEvent & { label: string; platform?: Platform } {
  // Only a file holding fc-sim's marker can be a saved failure: other bytes are not parsed here.
  if (input.bytes.includes('"fcSim"')) {
    const json = jsonOf(input);
    const saved = json && savedFailure(input, json.value);
    if (saved) return { ...preparedOf(saved), ...(saved.platform ? { platform: saved.platform } : {}) };
  }
  return { label: input.label, bytes: input.bytes };
}
