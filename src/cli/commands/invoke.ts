import { FcSimError } from '../../errors.js';
import type { Json } from '../../io/json-values.js';
import { parseJson } from '../../io/read-json.js';
import type { Platform } from '../../runtime/runtimes.js';
import { deliver, httpRequestDelivery } from '../../triggers/delivery.js';
import type { FunctionFlags } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { invokedEvent, readEvents } from '../read-events.js';
import type { PreparedEvent } from '../run-invocations.js';
import { runInvocations } from '../run-invocations.js';

export interface InvokeCommandOptions extends FunctionFlags {
  /** Optional with a project function (`{}` then). */
  event?: string;
  http?: boolean;
}

/** An HTTP event file: an FC 3.0 HTTP trigger event, the FC 2.0 request an HTTP handler sees, or an API Gateway call. */
function httpEvent(bytes: Buffer, source: string): PreparedEvent {
  const value = parseJson(bytes.toString(), source) as Json;
  const delivery = httpRequestDelivery(value);
  if (delivery) {
    // An FC 2.0 request is delivered from its fields (its body is the bytes); the others as the file's own bytes.
    const { bytes: delivered, options } = deliver(delivery === 'fc2-http' ? value : bytes, delivery);
    return { bytes: delivered, ...(options.http ? { http: options.http } : {}) };
  }
  throw new FcSimError(
    'E_USAGE',
    `${source}: --http needs an FC 3.0 HTTP event (version "v1"), an FC 2.0 request ({method, path, url, …}) or an API Gateway call ({httpMethod, path, …})`,
    'fc-sim http:get prints one (--fc2: the FC 2.0 request), fc-sim apigw an API Gateway call',
  );
}

/** Errors that name the input name the flag too: `--event x.json: no such file`. */
async function* flagged<T>(inputs: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* inputs;
  } catch (error) {
    if (error instanceof FcSimError && (error.code === 'E_FILE_NOT_FOUND' || error.code === 'E_READ' || error.code === 'E_TOO_LARGE')) {
      throw new FcSimError(error.code, `--event ${error.message}`, error.hint, { cause: error });
    }
    throw error;
  }
}

/**
 * The events `invoke --event` names, read as they are used: a file's bytes exactly as they are, each line of an NDJSON
 * file, the files of a folder, `-` for standard input, a saved failure's event; with `--http` each an HTTP request.
 * Each at most FC's payload limit for the invocation type (+ 1 byte read, then refused).
 */
export async function* invokeEvents(
  event: string,
  options: Pick<InvokeCommandOptions, 'http' | 'invocationType'>,
  io: CommandIo,
): AsyncGenerator<PreparedEvent & { label: string; platform?: Platform }> {
  for await (const input of flagged(readEvents([event], options, io))) {
    const invoked = invokedEvent(input);
    if (!options.http || invoked.http) {
      yield invoked;
      continue;
    }
    const http = httpEvent(invoked.bytes, invoked.label);
    yield { ...http, label: invoked.label, ...(http.http?.kind === 'fc2-http' ? { platform: 'fc2' as const } : {}) };
  }
}

/** `fc-sim invoke --handler … --event FILE|FOLDER|-`: each event's bytes, exactly as read, to the handler; one outcome each. */
export async function invokeCommand(options: InvokeCommandOptions, io: CommandIo): Promise<number> {
  if (options.event === undefined) {
    if (options.function === undefined)
      throw new FcSimError('E_USAGE', "required option '--event <file>' not specified", 'e.g. --event event.json, or - for standard input');
    // As `sam local invoke` without -e: `{}`; an HTTP function gets `GET /`.
    const { defaultEventOf } = await import('../project-target.js');
    const { description, ...event } = defaultEventOf(options, io);
    io.stderr.write(`fc-sim: no --event: the function gets ${description}\n`);
    return runInvocations([event], options, io);
  }
  const events = invokeEvents(options.event, options, io);
  const first = await events.next();
  if (first.done) throw new FcSimError('E_USAGE', `--event ${options.event}: no events`, 'name an event file, an NDJSON file or a folder of them');
  async function* all(): AsyncGenerator<PreparedEvent> {
    yield first.value as PreparedEvent;
    yield* events;
  }
  // The platform of the first event (an FC 2.0 request, a failure saved on FC 2.0), unless a flag, FC_SIM_PLATFORM or --config says otherwise.
  const platform = (first.value as { platform?: Platform }).platform;
  return runInvocations(all(), options, io, platform ? { platform } : {});
}
