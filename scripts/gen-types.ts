/**
 * Generates `src/types/generated.ts` from the schemas with json-schema-to-typescript (a dev dependency: users get
 * the committed file, `fc-sim types` copies it). `npm run gen:types` writes it; a test fails when it drifts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JSONSchema } from 'json-schema-to-typescript';
import { compile } from 'json-schema-to-typescript';
import { loadSchema, schemaCatalog, schemaNames } from '../src/schema/catalog.js';
import { packageRoot } from '../src/package-root.js';
import type { Json as Node } from '../src/io/json-values.js';
import { isJsonObject as isNode } from '../src/io/json-values.js';

export const generatedTypesPath = join(packageRoot, 'src', 'types', 'generated.ts');

const BANNER = `/* eslint-disable */
/**
 * TypeScript types for every fc-sim schema, generated from schemas/ by json-schema-to-typescript.
 * In your project: \`npx fc-sim types --out <file>\` writes them again, for the fc-sim version installed.
 * In fc-sim: do not edit; change the schema and run \`npm run gen:types\`. A test fails when this file drifts.
 */`;

const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** Keywords that give a subschema a shape of its own (a type); others (format, pattern, bounds) only constrain. */
const SHAPING = ['type', '$ref', 'properties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'additionalProperties'];

/** Keywords that only constrain values; TypeScript cannot say them, and json-schema-to-typescript mangles them. */
const VALIDATION_ONLY = new Set(['if', 'then', 'else', 'not', 'dependencies']);

/**
 * `allOf: [{ if: { properties: { eventName: { const: X } } }, then: { properties: { eventParameter: P } } }, …]`
 * as a union of branches (`{ eventName: X; eventParameter: P } | …`), so that TypeScript narrows on the
 * discriminator. When the branches do not cover every value of the discriminator, the base alone stays possible.
 */
function conditionalBranches(owner: Node, members: unknown[]): Node | undefined {
  const branches: Node[] = [];
  const covered = new Map<string, Set<unknown>>();
  for (const member of members) {
    if (!isNode(member) || !isNode(member.if) || !isNode(member.then) || !isNode(member.if.properties)) continue;
    const discriminators = Object.entries(member.if.properties).filter(([, rule]) => isNode(rule) && 'const' in rule);
    if (discriminators.length === 0) continue;
    for (const [key, rule] of discriminators) covered.set(key, (covered.get(key) ?? new Set()).add((rule as Node).const));
    branches.push({
      type: 'object',
      properties: { ...Object.fromEntries(discriminators), ...(isNode(member.then.properties) ? member.then.properties : {}) },
      required: [
        ...discriminators.map(([key]) => key),
        ...Object.keys(isNode(member.then.properties) ? member.then.properties : {}).filter(
          (key) => Array.isArray(owner.required) && owner.required.includes(key),
        ),
      ],
    });
  }
  if (branches.length === 0) return undefined;
  const properties = isNode(owner.properties) ? owner.properties : {};
  const exhaustive = [...covered].every(([key, values]) => {
    const allowed = isNode(properties[key]) ? (properties[key] as Node).enum : undefined;
    return Array.isArray(allowed) && allowed.every((value) => values.has(value));
  });
  return { anyOf: exhaustive ? branches : [...branches, {}] };
}

/**
 * The schema as types see it: local `$ref`s inlined (json-schema-to-typescript would name types after the ref path,
 * `Record`, shadowing TypeScript's own), conditionals turned into unions where they discriminate, else dropped.
 */
function typeView(node: unknown, definitions: Node, inlined = new Map<string, unknown>()): unknown {
  if (Array.isArray(node)) return node.map((item) => typeView(item, definitions, inlined));
  if (!isNode(node)) return node;
  if (typeof node.$ref === 'string') {
    const key = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    if (!key || !isNode(definitions[key])) throw new Error(`unsupported $ref ${node.$ref}: fc-sim schemas use local #/definitions only`);
    // One object per definition, so that each use is the same named type (not EventTime, EventTime1, …).
    if (!inlined.has(key)) inlined.set(key, typeView(definitions[key], definitions, inlined));
    return inlined.get(key);
  }
  const view: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key) || key === 'allOf' || key === 'definitions') continue;
    view[key] = key === 'examples' || key === 'enum' || key === 'const' ? value : typeView(value, definitions, inlined);
  }
  // `anyOf: [{format: 'ipv4'}, {format: 'ipv6'}]` only constrains the value; as types it would read as objects.
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(view[key]) && (view[key] as unknown[]).every((member) => isNode(member) && !SHAPING.some((k) => k in member))) delete view[key];
  }
  if (Array.isArray(node.allOf)) {
    const union = conditionalBranches(node, node.allOf);
    const members = node.allOf.map((member) => typeView(member, definitions, inlined)).filter((member) => isNode(member) && Object.keys(member).length > 0);
    if (union) members.push(typeView(union, definitions, inlined));
    if (members.length > 0) view.allOf = members;
  }
  return view;
}

async function typesFor(name: (typeof schemaNames)[number]): Promise<{ title: string; code: string }> {
  const source = structuredClone(loadSchema(name)) as Node;
  const title = source.title;
  if (typeof title !== 'string') throw new Error(`schemas/${schemaCatalog[name].file}: "title" is missing (it names the type)`);
  // Definitions are named after their schema (CdnEventLogFileCreatedParameter), so two schemas can both have a `record`.
  const definitions = isNode(source.definitions) ? source.definitions : {};
  for (const [key, definition] of Object.entries(definitions)) if (isNode(definition)) definition.title ??= title + pascal(key);
  const schema = typeView(source, definitions) as JSONSchema;
  const code = await compile(schema as Parameters<typeof compile>[0], title, {
    bannerComment: '',
    // Types list the fields FC documents; objects that take any key say so with an explicit additionalProperties.
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
  });
  return { title, code: code.trim() };
}

export async function generateTypes(): Promise<string> {
  const parts = await Promise.all(schemaNames.map(typesFor));
  const declared = new Map<string, string>();
  for (const [i, part] of parts.entries()) {
    for (const [, declaration] of part.code.matchAll(/^export (?:interface|type) (\w+)/gm)) {
      const other = declared.get(declaration!);
      if (other) throw new Error(`type ${declaration} is declared by both ${other} and ${schemaNames[i]}: give one a distinct title`);
      declared.set(declaration!, schemaNames[i]!);
    }
  }
  const map = schemaNames.map((name, i) => `  ${JSON.stringify(name)}: ${parts[i]!.title};`).join('\n');
  return `${BANNER}\n\n${parts.map((p) => p.code).join('\n\n')}\n\n/** The type of a valid value, by schema name. */\nexport interface SchemaTypes {\n${map}\n}\n`;
}

export function readCommittedTypes(): string {
  return readFileSync(generatedTypesPath, 'utf8');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(generatedTypesPath, await generateTypes());
  console.log(`wrote ${generatedTypesPath}`);
}
