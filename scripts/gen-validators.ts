/**
 * Writes schemas/validators/: ajv's standalone code for every schema, lenient and strict, compiled with the options
 * validate() uses, so that validating starts without compiling (or loading ajv's compiler). After changing a
 * schema: `npm run gen:validators`; a test fails when the files drift, and
 * until then validate() compiles the changed schema at run time.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv } from '../src/schema/ajv-options.js';
import { loadSchema, schemaCatalog, schemaNames } from '../src/schema/catalog.js';
import { sourceHash, validatorPath, validatorsDir } from '../src/schema/precompiled.js';
import { strictSchema } from '../src/schema/strict.js';
import { packageRoot } from '../src/package-root.js';

const require = createRequire(import.meta.url);
type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;

export const REGENERATE = 'npm run gen:validators';

/** Every compiled validator: file path → contents. */
export function generateValidators(): Map<string, string> {
  const standaloneCode = (require('ajv/dist/standalone') as { default: StandaloneCode }).default;
  const files = new Map<string, string>();
  for (const strict of [false, true]) {
    // One ajv per mode, as validate() keeps one: the strict and lenient variants share $ids.
    const ajv = createAjv({ source: true });
    for (const name of schemaNames) {
      const source = strict ? strictSchema(loadSchema(name)) : loadSchema(name);
      const code = standaloneCode(ajv, ajv.compile(source));
      const header = [
        `// Generated from schemas/${schemaCatalog[name].file}${strict ? ' (strict: open objects closed)' : ''} by scripts/gen-validators.ts.`,
        `// Do not edit: after changing the schema run \`${REGENERATE}\`.`,
      ].join('\n');
      files.set(validatorPath(name, strict), `${header}\n${code}\nmodule.exports.sourceHash = ${JSON.stringify(sourceHash(source))};\n`);
    }
  }
  return files;
}

/** The committed files, by path (compare with {@link generateValidators}). */
export function readCommittedValidators(): Map<string, string> {
  let names: string[] = [];
  try {
    names = readdirSync(validatorsDir).filter((file) => file.endsWith('.cjs'));
  } catch {
    // No folder yet: nothing committed.
  }
  return new Map(names.sort().map((file) => [join(validatorsDir, file), readFileSync(join(validatorsDir, file), 'utf8')]));
}

export function writeValidators(): string[] {
  const files = generateValidators();
  rmSync(validatorsDir, { recursive: true, force: true });
  mkdirSync(validatorsDir, { recursive: true });
  for (const [file, code] of files) writeFileSync(file, code);
  return [...files.keys()].map((file) => relative(packageRoot, file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = writeValidators();
  console.log(`wrote ${written.length} validators in ${relative(packageRoot, validatorsDir)}/`);
}
