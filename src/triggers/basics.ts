import type { Json } from '../io/json-values.js';
import type { SchemaName } from '../schema/catalog.js';
import type { Delivery } from './delivery.js';
import type { TriggerId } from './registry.js';
import { triggers } from './registry.js';
import type { BuildOptions, KindSpec, TriggerBasics } from './types.js';

export type { TriggerId } from './registry.js';

// biome-ignore lint/suspicious/noExplicitAny: the basics of any trigger, behind the lookups
const basics: readonly TriggerBasics<TriggerId, any>[] = triggers;

/**
 * The basics of a trigger: its schemas, builder, kinds and flags, detection and delivery.
 *
 * @example
 * ```ts
 * const event = triggerBasics('oss').build({ bucket: 'photos' });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
// biome-ignore lint/suspicious/noExplicitAny: the basics of any trigger
export function triggerBasics(id: TriggerId): TriggerBasics<TriggerId, any> {
  return basics.find((trigger) => trigger.id === id)!;
}

/**
 * Every trigger's id, in the registry's order.
 *
 * @example
 * ```ts
 * const id = process.argv[2] ?? 'oss';
 * if (!(triggerIds as readonly string[]).includes(id)) throw new Error(`unknown trigger ${id}; one of ${triggerIds.join(', ')}`);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const triggerIds: readonly TriggerId[] = basics.map((module) => module.id);

export function isTriggerId(name: string): name is TriggerId {
  return (triggerIds as readonly string[]).includes(name);
}

/** Whether triggers of this API type deliver HTTP requests (FC: one HTTP trigger per function, and no other trigger beside it). */
export function isHttpTriggerType(apiType: string): boolean {
  return basics.some((module) => module.apiType === apiType && (module.delivery === 'fc3-http' || module.delivery === 'fc2-http'));
}

/** The API's trigger type for a tool's spelling: Fun's `MNSTopic`, fc 2.x's `mnsTopic`; as written when unknown. */
export function apiTypeOf(written: string, tool: 'fun' | 'fc' | 'fc3'): string {
  if (tool === 'fc3') return written;
  const module = basics.find((candidate) => (tool === 'fun' ? candidate.spellings.fun : candidate.spellings.fc) === written);
  return module?.apiType ?? written;
}

/**
 * A named event kind, with the trigger it belongs to: a realistic default event (`oss:put`, `http:post`) that
 * parameters then change.
 *
 * @example
 * ```ts
 * const kind: EventKind | undefined = findKind('oss:delete');
 * if (kind) console.log(kind.trigger, kind.description, kind.fixed);
 * ```
 * @see README.md#print-an-event
 */
export interface EventKind extends KindSpec<Json> {
  readonly trigger: TriggerId;
}

/**
 * Every named event kind of every trigger: what `fc-sim list` prints.
 *
 * @example
 * ```ts
 * for (const kind of eventKinds) console.log(kind.name.padEnd(24), kind.description);
 * ```
 * @see README.md#print-an-event
 */
export const eventKinds: readonly EventKind[] = basics.flatMap((module) => module.kinds.map((kind: KindSpec<Json>) => ({ ...kind, trigger: module.id })));

/**
 * The kind of this name (`oss:put`), or undefined.
 *
 * @example
 * ```ts
 * const kind = findKind('cdn:logfile');
 * const event = kind && buildKind(kind, { domain: 'cdn.example.com' });
 * ```
 * @see README.md#print-an-event
 */
export function findKind(name: string): EventKind | undefined {
  return eventKinds.find((kind) => kind.name === name);
}

/**
 * The parameters a kind builds with: its own realistic values, what names it, then the caller's. Headers are added
 * to the kind's own (`--header X-Trace: 1` keeps its Content-Type), a name given again (in any case) replacing it.
 */
export function kindParams(kind: EventKind, overrides: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = { ...kind.params, ...kind.fixed, ...overrides };
  const own = kind.params?.headers;
  const given = overrides.headers;
  if (isPlainObject(own) && isPlainObject(given)) {
    const names = new Set(Object.keys(given).map((name) => name.toLowerCase()));
    params.headers = { ...Object.fromEntries(Object.entries(own).filter(([name]) => !names.has(name.toLowerCase()))), ...given };
  }
  return params;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The default event of a kind, changed by `overrides` (builder parameters).
 *
 * @example
 * ```ts
 * const event = buildKind(findKind('oss:put')!, { bucket: 'photos', key: 'a b/图片.jpg', size: 0 });
 * const fc2Request = buildKind(findKind('http:get')!, { path: '/users' }, { fc2: true });
 * ```
 * @see README.md#print-an-event
 */
export function buildKind(kind: EventKind, overrides: Record<string, unknown> = {}, options: BuildOptions = {}): unknown {
  return triggerBasics(kind.trigger).build(kindParams(kind, overrides), options);
}

/** The schema an event of this kind validates against (an MNS STREAM event without attributes has none). */
export function schemaOfKind(kind: EventKind, event: unknown): SchemaName | undefined {
  return triggerBasics(kind.trigger).schemaOf(event);
}

/** A trigger's FC 2.0 form, where FC 2.0 calls its handler another way (HTTP: `(request, response, context)`). */
const fc2Variant = (module: TriggerBasics) => module.variants?.find((variant) => variant.delivery === 'fc2-http');

/** How an event of a kind reaches the handler. */
export function deliveryOfKind(kind: EventKind, options: BuildOptions = {}): Delivery {
  const module = triggerBasics(kind.trigger);
  return (options.fc2 && fc2Variant(module)?.delivery) || module.delivery;
}

/**
 * The name of a trigger's events on a platform: its FC 2.0 variant on FC 2.0 where it has one (`http` → `fc2-http`),
 * else the trigger's own.
 *
 * @example
 * ```ts
 * sourceNameOn('http', 'fc2'); // 'fc2-http'
 * sourceNameOn('oss', 'fc2'); // 'oss'
 * ```
 * @see README.md#property-based-contract-tests
 */
export function sourceNameOn(id: TriggerId, platform: 'fc2' | 'fc3'): string {
  return (platform === 'fc2' && fc2Variant(triggerBasics(id))?.name) || id;
}

/** Whether a source name is a trigger's FC 2.0 variant (`fc2-http`), whose events only FC 2.0 delivers. */
export function isFc2SourceName(name: string): boolean {
  return basics.some((module) => fc2Variant(module)?.name === name);
}

/**
 * How an event of this schema reaches the handler (a saved or hand-written event file): as its trigger or variant
 * delivers it; as bytes when no trigger delivers it (a response, a context, an unknown event).
 *
 * @example
 * ```ts
 * deliveryOfSchema(detectSchema(JSON.parse(text))?.schema); // 'fc3-http' for an FC 3.0 HTTP event
 * ```
 * @see README.md#run-a-handler-locally
 */
export function deliveryOfSchema(schema: SchemaName | undefined): Delivery {
  if (schema === undefined) return 'event';
  for (const module of basics) {
    const variant = module.variants?.find((candidate) => candidate.schema === schema);
    if (variant) return variant.delivery;
  }
  return basics.find((module) => module.schemas.events.includes(schema))?.delivery ?? 'event';
}

/** The names a test source can take: every trigger, and each trigger's variants (`fc2-http`). */
export const sourceNames: readonly string[] = basics.flatMap((module) => [module.id, ...(module.variants ?? []).map((variant) => variant.name)]);
