import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { FcSimError } from '../../errors.js';
import { parseJson } from '../../io/read-json.js';
import type { Fc2HttpRequest } from '../../types/generated.js';
import type { FunctionFlags } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import type { PreparedEvent } from '../run-invocations.js';
import { runInvocations } from '../run-invocations.js';

export interface InvokeCommandOptions extends FunctionFlags {
  event: string;
  http?: boolean;
}

async function readEvent(file: string, io: CommandIo): Promise<Buffer> {
  if (file === '-') return Buffer.from(await text(io.stdin));
  try {
    return await readFile(pathIn(io, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FcSimError(
      code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_READ',
      `--event ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      'check the path',
    );
  }
}

/** An HTTP event file: an FC 3.0 HTTP trigger event, the FC 2.0 request an HTTP handler sees, or an API Gateway call. */
function httpEvent(bytes: Buffer, source: string): PreparedEvent {
  const parsed = parseJson(bytes.toString(), source);
  const value = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (value.version === 'v1' && typeof value.requestContext === 'object') return { bytes, http: { kind: 'fc3-http' } };
  if (typeof value.method === 'string' && typeof value.path === 'string') {
    const request = value as unknown as Fc2HttpRequest;
    return { bytes: Buffer.from(request.body ?? ''), http: { kind: 'fc2-http', request } };
  }
  if (typeof value.httpMethod === 'string' && typeof value.path === 'string') return { bytes, http: { kind: 'apigw' } };
  throw new FcSimError(
    'E_USAGE',
    `${source}: --http needs an FC 3.0 HTTP event (version "v1"), an FC 2.0 request ({method, path, url, …}) or an API Gateway call ({httpMethod, path, …})`,
    'fc-sim http:get prints one (--fc2: the FC 2.0 request), fc-sim apigw an API Gateway call',
  );
}

/** `fc-sim invoke --handler … --event FILE|-`: the event's bytes, exactly as in the file, to the handler. */
export async function invokeCommand(options: InvokeCommandOptions, io: CommandIo): Promise<number> {
  const bytes = await readEvent(options.event, io);
  const source = options.event === '-' ? '<stdin>' : options.event;
  const event = options.http ? httpEvent(bytes, source) : { bytes };
  // An FC 2.0 request is for a function on FC 2.0, unless a flag, FC_SIM_PLATFORM or --config says otherwise.
  return runInvocations([event], options, io, event.http?.kind === 'fc2-http' ? { platform: 'fc2' } : {});
}
