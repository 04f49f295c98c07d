import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FcSimError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import type { CliIo } from '../io.js';
import { pathIn } from '../io.js';

/** `fc-sim types [--out FILE]`: the generated TypeScript types of every schema, for a user's project. */
export async function typesCommand(options: { out?: string }, io: CliIo): Promise<number> {
  const types = await readFile(join(packageRoot, 'src', 'types', 'generated.ts'), 'utf8');
  if (!options.out) {
    io.stdout.write(types);
    return 0;
  }
  try {
    const out = pathIn(io, options.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, types);
  } catch (error) {
    throw new FcSimError('E_WRITE', `${options.out}: cannot write: ${(error as Error).message}`, 'choose a path in a folder you can write to');
  }
  const count = types.match(/^export (?:interface|type) /gm)?.length ?? 0;
  io.stdout.write(`wrote ${count} types to ${options.out}\n`);
  return 0;
}
