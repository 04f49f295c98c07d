import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema, schemaCatalog, schemaNames } from '../../src/schema/catalog.js';
import { validate } from '../../src/schema/validate.js';
import { packageRoot } from '../../src/package-root.js';

const schemasDir = join(packageRoot, 'schemas');

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? schemaFiles(join(dir, entry.name)) : entry.name.endsWith('.schema.json') ? [join(dir, entry.name)] : [],
  );
}

describe('schema catalog', () => {
  it('lists every schema file, and only those', () => {
    const onDisk = schemaFiles(schemasDir)
      .map((file) => relative(schemasDir, file))
      .sort();
    expect(
      Object.values(schemaCatalog)
        .map((entry) => entry.file)
        .sort(),
    ).toEqual(onDisk);
  });

  describe.each(schemaNames)('%s', (name) => {
    const schema = loadSchema(name);

    it('is a documented draft-07 schema with its FC doc', () => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toBe(`https://fc-sim.dev/schemas/${schemaCatalog[name].file}`);
      expect(schema.title).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(schema.description).toMatch(/See: https?:\/\//);
      expect(schema['x-fc-doc']).toMatch(/^https?:\/\//);
      // The description names the same page: it is what the generated type's comment carries to users.
      expect(schema.description).toContain(`See: ${schema['x-fc-doc']}`);
    });

    it('has real examples that it accepts, also in strict mode', () => {
      const examples = schema.examples as unknown[];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        expect(validate(name, example).issues).toEqual([]);
        expect(validate(name, example, { strict: true }).issues).toEqual([]);
      }
    });
  });
});
