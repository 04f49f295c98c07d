import fc from 'fast-check';
import { FcSimError } from '../errors.js';
import type { Json } from '../io/json-values.js';
import type { SchemaName } from '../schema/catalog.js';
import { apigw } from './apigw/index.js';
import { cdn } from './cdn/index.js';
import type { Delivery } from './delivery.js';
import { http } from './http/index.js';
import { mns } from './mns/index.js';
import { oss } from './oss/index.js';
import { sls } from './sls/index.js';
import { tablestore } from './tablestore/index.js';
import { timer } from './timer/index.js';
import type { BuildOptions, KindSpec, TriggerModule } from './types.js';

/** The only list of triggers: adding one is a folder under src/triggers/ and a line here. */
export const triggers = [oss, timer, mns, sls, cdn, http, apigw, tablestore] as const;

type Module = (typeof triggers)[number];
/** A trigger's one name in fc-sim: `oss`, `timer`, `mns`, `sls`, `cdn`, `http`. */
export type TriggerId = Module['id'];
// biome-ignore lint/suspicious/noExplicitAny: a module of any trigger, behind the registry's lookups
export type AnyTriggerModule = TriggerModule<TriggerId, any, unknown, any>;
/** The generator constraints of a trigger (`OssEventConstraints` for `oss`). */
export type ConstraintsOf<Id extends TriggerId> = NonNullable<Parameters<Extract<Module, { id: Id }>['arbitrary']>[0]>;
/** The event a trigger's handler receives (`OssEvent` for `oss`). */
export type EventOf<Id extends TriggerId> = ReturnType<Extract<Module, { id: Id }>['build']>;

const modules: readonly AnyTriggerModule[] = triggers;
export const triggerIds: readonly TriggerId[] = modules.map((module) => module.id);

export function isTriggerId(name: string): name is TriggerId {
  return (triggerIds as readonly string[]).includes(name);
}

export function triggerModule(id: TriggerId): AnyTriggerModule {
  return modules.find((module) => module.id === id)!;
}

/** The module of an FC API trigger type (`mns_topic` → mns); undefined for types fc-sim has no module for. */
export function moduleOfApiType(apiType: string): AnyTriggerModule | undefined {
  return modules.find((module) => module.apiType === apiType);
}

/** Whether triggers of this API type deliver HTTP requests (FC: one HTTP trigger per function, and no other trigger beside it). */
export function isHttpTriggerType(apiType: string): boolean {
  const module = moduleOfApiType(apiType);
  return module !== undefined && (module.delivery === 'fc3-http' || module.delivery === 'fc2-http');
}

/** The API's trigger type for a tool's spelling: Fun's `MNSTopic`, fc 2.x's `mnsTopic`; as written when unknown. */
export function apiTypeOf(written: string, tool: 'fun' | 'fc' | 'fc3'): string {
  if (tool === 'fc3') return written;
  const module = modules.find((candidate) => (tool === 'fun' ? candidate.spellings.fun : candidate.spellings.fc) === written);
  return module?.apiType ?? written;
}

/** A named event kind, with the trigger it belongs to. */
export interface EventKind extends KindSpec<Json> {
  readonly trigger: TriggerId;
}

export const eventKinds: readonly EventKind[] = modules.flatMap((module) => module.kinds.map((kind: KindSpec<Json>) => ({ ...kind, trigger: module.id })));

export function findKind(name: string): EventKind | undefined {
  return eventKinds.find((kind) => kind.name === name);
}

/** The parameters a kind builds with: its own realistic values, what names it, then the caller's. */
export function kindParams(kind: EventKind, overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...kind.params, ...kind.fixed, ...overrides };
}

/** The default event of a kind, changed by `overrides` (builder parameters). */
export function buildKind(kind: EventKind, overrides: Record<string, unknown> = {}, options: BuildOptions = {}): unknown {
  return triggerModule(kind.trigger).build(kindParams(kind, overrides), options);
}

/**
 * The generator of a named kind: the kind fixes what names it (the OSS eventName, the HTTP method, the MNS format)
 * unless `fixed` sets it; `fixed` (the user's flags) holds the rest; everything else is drawn. The kind's own
 * default values are not fixed: drawing is the point.
 */
export function kindArbitrary(kind: EventKind, fixed: Record<string, unknown>, options: BuildOptions = {}): fc.Arbitrary<unknown> {
  return triggerModule(kind.trigger).kindArbitrary(kind, fixed, options);
}

/** The schema an event of this kind validates against (an MNS STREAM event without attributes has none). */
export function schemaOfKind(kind: EventKind, event: unknown): SchemaName | undefined {
  return triggerModule(kind.trigger).schemaOf(event);
}

/** How an event of a kind reaches the handler. */
export function deliveryOfKind(kind: EventKind, options: BuildOptions = {}): Delivery {
  const module = triggerModule(kind.trigger);
  return options.fc2 ? (module.variants?.find((variant) => variant.delivery === 'fc2-http')?.delivery ?? module.delivery) : module.delivery;
}

/** The names a test source can take: every trigger, and each trigger's variants (`fc2-http`). */
export const sourceNames: readonly string[] = modules.flatMap((module) => [module.id, ...(module.variants ?? []).map((variant) => variant.name)]);

/** The events of a trigger (or variant) within the constraints, and how they reach the handler. */
export function triggerSource(name: string, constraints?: object): { arbitrary: fc.Arbitrary<unknown>; delivery: Delivery } {
  for (const module of modules) {
    if (module.id === name) return { arbitrary: module.arbitrary(constraints), delivery: module.delivery };
    const variant = module.variants?.find((candidate) => candidate.name === name);
    if (variant) return { arbitrary: variant.arbitrary(constraints), delivery: variant.delivery };
  }
  throw new FcSimError('E_UNKNOWN_KIND', `unknown trigger "${name}"`, `use one of: ${sourceNames.join(', ')}`);
}
