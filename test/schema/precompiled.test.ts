import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/schema/ajv-options.js';
import type { JsonSchema } from '../../src/schema/catalog.js';
import { loadSchema, schemaNames } from '../../src/schema/catalog.js';
import { precompiledValidator, validatorPath } from '../../src/schema/precompiled.js';
import { strictSchema } from '../../src/schema/strict.js';
import { readCommittedValidators, REGENERATE } from '../../scripts/gen-validators.js';

describe('schemas/validators/', () => {
  // Each file records the hash of the schema it was compiled from: the check needs no compiling, and the tests below
  // hold each compiled validator to what ajv compiles from the schema now, on the schema's examples and near misses.
  it(`were compiled from the schemas as they are (run \`${REGENERATE}\` after changing a schema)`, () => {
    const wanted = schemaNames.flatMap((name) => [validatorPath(name, false), validatorPath(name, true)]);
    expect([...readCommittedValidators().keys()].sort()).toEqual(wanted.sort());
    for (const name of schemaNames)
      for (const strict of [false, true]) {
        const schema = strict ? strictSchema(loadSchema(name)) : loadSchema(name);
        expect(precompiledValidator(name, strict, schema), `${validatorPath(name, strict)} was compiled from another ${name} schema`).toBeTypeOf('function');
      }
  });

  it('are ignored when the schema changed since they were compiled', () => {
    const schema = loadSchema('timer');
    expect(precompiledValidator('timer', false, schema)).toBeTypeOf('function');
    expect(precompiledValidator('timer', false, { ...schema, required: ['triggerTime'] })).toBeUndefined();
  });
});

/** The value with one leaf (or one object's key) replaced: type errors, enum misses, missing and extra keys. */
function variants(value: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, replace: (next: unknown) => unknown) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, (next) => replace(node.map((other, j) => (i === j ? next : other))));
      out.push(replace([]));
    } else if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node);
      for (const [key, child] of entries) {
        walk(child, (next) => replace({ ...node, [key]: next }));
        out.push(replace(Object.fromEntries(entries.filter(([other]) => other !== key))));
      }
      out.push(replace({ ...node, resposeElements: 1 }));
    } else {
      out.push(replace(typeof node === 'string' ? 42 : `${String(node)}x`), replace(null));
    }
  };
  walk(value, (next) => next);
  return out;
}

describe.each(schemaNames)('the compiled %s validators', (name) => {
  it.each([false, true])('answer as ajv compiling the schema at run time does (strict: %s)', (strict) => {
    const schema: JsonSchema = strict ? strictSchema(loadSchema(name)) : loadSchema(name);
    const compiled = precompiledValidator(name, strict, schema)!;
    const atRunTime = createAjv().compile(schema);
    const values = [undefined, null, {}, [], 'text', ...((schema.examples as unknown[]) ?? []).flatMap((example) => [example, ...variants(example)])];
    // expect() only on a difference: an expect per value cost more than the validators themselves.
    for (const value of values.slice(0, 400)) {
      const expected = [atRunTime(value), atRunTime.errors ?? null];
      const actual = [compiled(value), compiled.errors ?? null];
      if (!isDeepStrictEqual(actual, expected)) expect(actual, `value ${JSON.stringify(value)}`).toEqual(expected);
    }
  });
});
