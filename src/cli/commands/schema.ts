import { loadSchema, schemaCatalog, schemaNames } from '../../schema/catalog.js';
import type { CliIo } from '../io.js';
import { parseSchemaOption } from './validate.js';

/** `fc-sim schema [name]`: lists the schemas, or prints one. */
export async function schemaCommand(name: string | undefined, io: CliIo): Promise<number> {
  if (name === undefined) {
    const width = Math.max(...schemaNames.map((n) => n.length));
    for (const n of schemaNames) io.stdout.write(`${n.padEnd(width)}  ${schemaCatalog[n].summary}\n`);
    return 0;
  }
  io.stdout.write(`${JSON.stringify(loadSchema(parseSchemaOption(name)), null, 2)}\n`);
  return 0;
}
