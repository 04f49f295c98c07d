import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from '../package-root.js';
import type { JsonSchema, SchemaName } from './catalog.js';

/**
 * Validators compiled ahead of time: ajv's standalone code for every schema, lenient and strict, committed in
 * schemas/validators/ (CommonJS, so that validate() can load one synchronously, on first use, from the sources
 * under vitest as from dist/). Loading one takes a few milliseconds where compiling it takes tens, plus ajv itself.
 */
const require = createRequire(import.meta.url);

export const validatorsDir = join(packageRoot, 'schemas', 'validators');

export function validatorPath(name: SchemaName, strict: boolean): string {
  return join(validatorsDir, `${name}${strict ? '.strict' : ''}.cjs`);
}

/** What a compiled validator was compiled from: the schema exactly as ajv is given it (strict: closed). */
export function sourceHash(schema: JsonSchema): string {
  return hash('sha256', JSON.stringify(schema), 'hex');
}

interface PrecompiledModule extends ValidateFunction {
  sourceHash?: string;
}

/**
 * The compiled validator of a schema, or undefined when there is none or it was compiled from another version of
 * the schema (a schema edited without regenerating): the caller then compiles at run time, and a test says to
 * regenerate.
 */
export function precompiledValidator(name: SchemaName, strict: boolean, schema: JsonSchema): ValidateFunction | undefined {
  const file = validatorPath(name, strict);
  if (!existsSync(file)) return undefined;
  const validate = require(file) as PrecompiledModule;
  return validate.sourceHash === sourceHash(schema) ? validate : undefined;
}
