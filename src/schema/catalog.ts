import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * What a schema describes: the value a handler receives, a value it returns, the context, or a trigger's config.
 *
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type SchemaKind = 'event' | 'response' | 'request' | 'context' | 'trigger-config';

interface CatalogEntry {
  readonly file: string;
  readonly kind: SchemaKind;
  readonly summary: string;
}

/**
 * Every schema fc-sim ships, by the name used on the command line (`fc-sim validate --type <name>`).
 *
 * @example
 * ```ts
 * for (const [name, { file, summary }] of Object.entries(schemaCatalog)) console.log(`${name}\t${summary} (schemas/${file})`);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#check-an-event
 */
export const schemaCatalog = {
  oss: { file: 'events/oss.schema.json', kind: 'event', summary: 'OSS trigger event ({events:[…]})' },
  timer: { file: 'events/timer.schema.json', kind: 'event', summary: 'timer trigger event' },
  'mns-json': { file: 'events/mns-topic-json.schema.json', kind: 'event', summary: 'MNS topic event, JSON format' },
  'mns-stream': {
    file: 'events/mns-topic-stream.schema.json',
    kind: 'event',
    summary: 'MNS topic event, STREAM format with message attributes ({body, attrs})',
  },
  sls: { file: 'events/sls.schema.json', kind: 'event', summary: 'SLS (Log Service) trigger event' },
  cdn: { file: 'events/cdn.schema.json', kind: 'event', summary: 'CDN event trigger event' },
  http: { file: 'events/http.schema.json', kind: 'event', summary: 'FC 3.0 HTTP trigger event' },
  tablestore: { file: 'events/tablestore.schema.json', kind: 'event', summary: 'Tablestore trigger event (decoded Sync-v1)' },
  apigw: { file: 'events/apigw.schema.json', kind: 'event', summary: 'API Gateway trigger event' },
  eventbridge: {
    file: 'events/eventbridge.schema.json',
    kind: 'event',
    summary: 'EventBridge CloudEvents envelope (MNS queue, RocketMQ, RabbitMQ, Kafka, …)',
  },
  'http-response': { file: 'http/http-response.schema.json', kind: 'response', summary: 'FC 3.0 HTTP trigger response' },
  'apigw-response': { file: 'http/apigw-response.schema.json', kind: 'response', summary: 'API Gateway trigger response (what an event function returns)' },
  'fc2-http-request': {
    file: 'http/fc2-http-request.schema.json',
    kind: 'request',
    summary: 'FC 2.0 HTTP handler request (request, response, context)',
  },
  'context-fc2': { file: 'context/context-fc2.schema.json', kind: 'context', summary: 'context object, FC 2.0 (any runtime)' },
  'context-fc3': { file: 'context/context-fc3.schema.json', kind: 'context', summary: 'context object, FC 3.0 (any runtime)' },
  'oss-trigger-config': { file: 'trigger-config/oss.schema.json', kind: 'trigger-config', summary: 'OSS triggerConfig' },
  'timer-trigger-config': { file: 'trigger-config/timer.schema.json', kind: 'trigger-config', summary: 'timer triggerConfig' },
  'mns-trigger-config': { file: 'trigger-config/mns-topic.schema.json', kind: 'trigger-config', summary: 'MNS topic triggerConfig' },
  'sls-trigger-config': { file: 'trigger-config/sls.schema.json', kind: 'trigger-config', summary: 'SLS (log) triggerConfig' },
  'cdn-trigger-config': { file: 'trigger-config/cdn.schema.json', kind: 'trigger-config', summary: 'CDN events triggerConfig' },
  'http-trigger-config': { file: 'trigger-config/http.schema.json', kind: 'trigger-config', summary: 'HTTP triggerConfig' },
  'apigw-trigger-config': {
    file: 'trigger-config/apigw.schema.json',
    kind: 'trigger-config',
    summary: 'API Gateway API routed to a function (Fun Aliyun::Serverless::Api)',
  },
  'tablestore-trigger-config': {
    file: 'trigger-config/tablestore.schema.json',
    kind: 'trigger-config',
    summary: 'Tablestore triggerConfig',
  },
  'eventbridge-trigger-config': {
    file: 'trigger-config/eventbridge.schema.json',
    kind: 'trigger-config',
    summary: 'EventBridge triggerConfig',
  },
} as const satisfies Record<string, CatalogEntry>;

/**
 * The name of one of fc-sim's schemas: a trigger's event (`'oss'`), a response, a context or a trigger config
 * (`'oss-trigger-config'`).
 *
 * @see README.md#check-an-event
 */
export type SchemaName = keyof typeof schemaCatalog;

/**
 * The names of every schema, in the catalog's order.
 *
 * @example
 * ```ts
 * const triggerConfigs = schemaNames.filter((name) => schemaCatalog[name].kind === 'trigger-config');
 * ```
 * @see README.md#check-an-event
 */
export const schemaNames = Object.keys(schemaCatalog) as SchemaName[];

/**
 * Whether a string (a flag's value, a file's field) names one of fc-sim's schemas.
 *
 * @example
 * ```ts
 * const type = process.argv[2] ?? 'oss';
 * if (!isSchemaName(type)) throw new Error(`unknown schema ${type}; one of ${schemaNames.join(', ')}`);
 * const schema = loadSchema(type);
 * ```
 * @see README.md#check-an-event
 */
export function isSchemaName(name: string): name is SchemaName {
  return Object.hasOwn(schemaCatalog, name);
}

/**
 * A JSON Schema as fc-sim's schema files write it (draft-07).
 *
 * @example
 * ```ts
 * const schema: JsonSchema = loadSchema('oss');
 * console.log(schema.title, schema['x-fc-doc']);
 * ```
 * @see README.md#check-an-event
 */
export interface JsonSchema {
  $id?: string;
  title?: string;
  description?: string;
  [keyword: string]: unknown;
}

const loaded = new Map<SchemaName, JsonSchema>();

/**
 * The absolute path of a schema's file in the installed package, for tools that read JSON Schema files.
 *
 * @example
 * ```ts
 * const file = schemaPath('timer'); // …/node_modules/fc-sim/schemas/events/timer.schema.json
 * ```
 * @see README.md#check-an-event
 */
export function schemaPath(name: SchemaName): string {
  return join(packageRoot, 'schemas', schemaCatalog[name].file);
}

/**
 * The schema as written in `schemas/` (parsed once, then shared: do not mutate it).
 *
 * @example
 * ```ts
 * const schema = loadSchema('oss');
 * schema.title;       // 'OssEvent'
 * schema['x-fc-doc']; // the FC doc page it follows
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#check-an-event
 */
export function loadSchema(name: SchemaName): JsonSchema {
  let schema = loaded.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as JsonSchema;
    loaded.set(name, schema);
  }
  return schema;
}
