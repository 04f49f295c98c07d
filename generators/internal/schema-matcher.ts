import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { SchemaNode } from './schema-context.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export type ValuePredicate = (value: unknown) => boolean;

// One instance for every root: the subschemas compiled here carry no $id, so they cannot clash.
// Not strict: a subschema seen alone may look odd to ajv (e.g. `properties` without `type`) and is still right.
const ajv = new Ajv({ strict: false });
addFormats(ajv);

/**
 * Checks values against subschemas of one root schema (an `if`, a `not`, a discriminator's property), with their
 * `$ref`s resolved against the root's definitions. Used to decide which conditional applies to a generated value.
 */
export function subschemaMatcher(root: SchemaNode): (subschema: SchemaNode) => ValuePredicate {
  const compiled = new WeakMap<SchemaNode, ValuePredicate>();
  return (subschema) => {
    let predicate = compiled.get(subschema);
    if (!predicate) {
      const check = ajv.compile(root.definitions === undefined ? subschema : { ...subschema, definitions: root.definitions });
      predicate = (value) => check(value);
      compiled.set(subschema, predicate);
    }
    return predicate;
  };
}
