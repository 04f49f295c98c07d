import type { Ajv } from 'ajv';
import { createRequire } from 'node:module';
import type { SchemaNode } from './schema-context.js';

export type ValuePredicate = (value: unknown) => boolean;

const require = createRequire(import.meta.url);
let shared: Ajv | undefined;

/**
 * One instance for every root: the subschemas compiled here carry no $id, so they cannot clash. Not strict: a
 * subschema seen alone may look odd to ajv (e.g. `properties` without `type`) and is still right. Loaded on the first
 * conditional drawn, not when a generator module is imported: every CLI command imports the trigger registry.
 */
function matcherAjv(): Ajv {
  if (!shared) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    shared = new Ajv({ strict: false });
    (require('ajv-formats') as typeof import('ajv-formats')).default(shared);
  }
  return shared;
}

/**
 * Checks values against subschemas of one root schema (an `if`, a `not`, a discriminator's property), with their
 * `$ref`s resolved against the root's definitions. Used to decide which conditional applies to a generated value.
 */
export function subschemaMatcher(root: SchemaNode): (subschema: SchemaNode) => ValuePredicate {
  const compiled = new WeakMap<SchemaNode, ValuePredicate>();
  return (subschema) => {
    let predicate = compiled.get(subschema);
    if (!predicate) {
      const check = matcherAjv().compile(root.definitions === undefined ? subschema : { ...subschema, definitions: root.definitions });
      predicate = (value) => check(value);
      compiled.set(subschema, predicate);
    }
    return predicate;
  };
}
