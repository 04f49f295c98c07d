import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';

/**
 * The one ajv configuration fc-sim validates with, shared by the validators compiled ahead of time
 * (schemas/validators/, see scripts/gen-validators.ts) and by compiling at run time (their fallback).
 * verbose: errors carry the failing value and its schema, which the messages quote.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true } as const satisfies Options;

// Loaded on demand: with the validators compiled ahead of time, validating needs none of ajv's compiler (~40 ms to load).
const require = createRequire(import.meta.url);

/** A new ajv with fc-sim's options, formats and keywords; `source` keeps the code for standalone output. */
export function createAjv(options: { source?: boolean } = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // ajv-formats is CommonJS: `module.exports` is the plugin (and so is its `default`).
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...(options.source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-fc-doc', schemaType: 'string' });
  return ajv;
}
