import { eventKinds } from '../../triggers/basics.js';
import type { CliIo } from '../io.js';

/** `fc-sim list`: every event kind with one line of description. */
export async function listCommand(io: CliIo): Promise<number> {
  const width = Math.max(...eventKinds.map((kind) => kind.name.length));
  io.stdout.write(eventKinds.map((kind) => `${kind.name.padEnd(width)}  ${kind.description}\n`).join(''));
  return 0;
}
