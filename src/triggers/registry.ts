import type fc from 'fast-check';
import { FcSimError, TriggerConfigError } from '../errors.js';
import { parsePath } from '../io/json-pointer.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject } from '../io/json-values.js';
import type { ProjectTrigger } from '../project/model.js';
import type { SchemaName } from '../schema/catalog.js';
import { validate } from '../schema/validate.js';
import { apigw } from './apigw/index.js';
import { cdn } from './cdn/index.js';
import type { Delivery } from './delivery.js';
import { eventbridge } from './eventbridge/bus/index.js';
import { dts } from './eventbridge/dts/index.js';
import { kafka } from './eventbridge/kafka/index.js';
import { mnsQueue } from './eventbridge/mns-queue/index.js';
import { rabbitmq } from './eventbridge/rabbitmq/index.js';
import { rocketmq } from './eventbridge/rocketmq/index.js';
import { http } from './http/index.js';
import { mns } from './mns/index.js';
import { oss } from './oss/index.js';
import { sls } from './sls/index.js';
import { tablestore } from './tablestore/index.js';
import { timer } from './timer/index.js';
import type { BuildOptions, KindSpec, TriggerModule } from './types.js';

/**
 * The only list of triggers: adding one is a folder under src/triggers/ and a line here.
 *
 * @example
 * ```ts
 * for (const module of triggers) console.log(module.id, module.apiType, module.schemas.events.join(', '));
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const triggers = [oss, timer, mns, sls, cdn, http, apigw, tablestore, mnsQueue, rocketmq, rabbitmq, kafka, dts, eventbridge] as const;

type Module = (typeof triggers)[number];
/**
 * A trigger's one name in fc-sim (`oss`, `timer`, `mns`, `http`, …): in kinds, the CLI, `checkHandler({ trigger })`
 * and saved failures.
 *
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type TriggerId = Module['id'];
// biome-ignore lint/suspicious/noExplicitAny: a module of any trigger, behind the registry's lookups
export type AnyTriggerModule = TriggerModule<TriggerId, any, unknown, any>;
/**
 * The generator constraints of a trigger (`OssEventConstraints` for `oss`).
 *
 * @example
 * ```ts
 * const constraints: ConstraintsOf<'oss'> = { bucket: 'photos', keyPrefix: 'uploads/' };
 * await checkHandler({ handler: 'index.handler', trigger: 'oss', constraints });
 * ```
 * @see README.md#property-based-contract-tests
 */
export type ConstraintsOf<Id extends TriggerId> = NonNullable<Parameters<Extract<Module, { id: Id }>['arbitrary']>[0]>;
/**
 * The event a trigger's handler receives (`OssEvent` for `oss`).
 *
 * @example
 * ```ts
 * const property = (event: EventOf<'timer'>) => event.triggerName === 'nightly';
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type EventOf<Id extends TriggerId> = ReturnType<Extract<Module, { id: Id }>['build']>;

const modules: readonly AnyTriggerModule[] = triggers;
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
export const triggerIds: readonly TriggerId[] = modules.map((module) => module.id);

export function isTriggerId(name: string): name is TriggerId {
  return (triggerIds as readonly string[]).includes(name);
}

/**
 * The module of a trigger: its schemas, builder, generator, kinds and flags, filter and delivery.
 *
 * @example
 * ```ts
 * const oss = triggerModule('oss');
 * const event = oss.build({ bucket: 'photos' });
 * const events = fc.sample(oss.arbitrary(), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function triggerModule(id: TriggerId): AnyTriggerModule {
  return modules.find((module) => module.id === id)!;
}

/** The value at a JSON pointer into a config; undefined where there is none. */
const configValue = (config: Json, pointer: string): unknown =>
  parsePath(pointer).reduce<unknown>((at, key) => (isJsonObject(at) ? at[key] : undefined), config);

const owns = (module: AnyTriggerModule, config: Json) =>
  module.configSource === undefined || configValue(config, module.configSource.pointer) === module.configSource.value;

/**
 * The module of a project trigger: by its API type (`mns_topic` → mns) and, where modules share one (EventBridge's
 * sources), by its config (`eventSourceConfig.eventSourceType: Kafka` → kafka). Undefined for types fc-sim has no
 * module for, and for a source none of the modules sharing the type is ({@link unknownSourceOf} says which).
 */
export function moduleOfTrigger(trigger: Pick<ProjectTrigger, 'type' | 'config'>): AnyTriggerModule | undefined {
  return modules.find((module) => module.apiType === trigger.type && owns(module, trigger.config));
}

/**
 * The error of a trigger whose type several modules share but whose config names a source FC does not have (an
 * EventBridge trigger's unknown or missing `eventSourceType`, by the config schema): an input error naming the file
 * and field. Undefined otherwise, also for a source FC has and fc-sim has no module for (MQTT): it has no events.
 */
export function unknownSourceOf(trigger: ProjectTrigger): TriggerConfigError | undefined {
  const sharing = modules.filter((module) => module.apiType === trigger.type && module.configSource !== undefined);
  if (sharing.length === 0 || moduleOfTrigger(trigger)) return undefined;
  const { configSource, schemas } = sharing[0]!;
  const pointer = configSource!.pointer;
  const broken = validate(schemas.config, trigger.config).issues.some((issue) => pointer === issue.pointer || pointer.startsWith(`${issue.pointer}/`));
  if (!broken) return undefined;
  const value = configValue(trigger.config, pointer);
  const known = sharing.map((module) => module.configSource!.value).join(', ');
  return new TriggerConfigError(
    `${trigger.location.file} ${trigger.location.path}.triggerConfig: ${pointer.slice(1).replaceAll('/', '.')} ${value === undefined ? 'is missing' : JSON.stringify(value)}: fc-sim has ${trigger.type} events for ${known}`,
    `use one of ${known} (fc-sim lint ${trigger.location.file} checks it against FC's list)`,
  );
}

/** Whether triggers of this API type deliver HTTP requests (FC: one HTTP trigger per function, and no other trigger beside it). */
export function isHttpTriggerType(apiType: string): boolean {
  return modules.some((module) => module.apiType === apiType && (module.delivery === 'fc3-http' || module.delivery === 'fc2-http'));
}

/** The API's trigger type for a tool's spelling: Fun's `MNSTopic`, fc 2.x's `mnsTopic`; as written when unknown. */
export function apiTypeOf(written: string, tool: 'fun' | 'fc' | 'fc3'): string {
  if (tool === 'fc3') return written;
  const module = modules.find((candidate) => (tool === 'fun' ? candidate.spellings.fun : candidate.spellings.fc) === written);
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
export const eventKinds: readonly EventKind[] = modules.flatMap((module) => module.kinds.map((kind: KindSpec<Json>) => ({ ...kind, trigger: module.id })));

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

/** The parameters a kind builds with: its own realistic values, what names it, then the caller's. */
export function kindParams(kind: EventKind, overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...kind.params, ...kind.fixed, ...overrides };
}

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
  return triggerModule(kind.trigger).build(kindParams(kind, overrides), options);
}

/**
 * The generator of a named kind: the kind fixes what names it (the OSS eventName, the HTTP method, the MNS format)
 * unless `fixed` sets it; `fixed` (the user's flags) holds the rest; everything else is drawn. The kind's own
 * default values are not fixed: drawing is the point.
 *
 * @example
 * ```ts
 * const puts = kindArbitrary(findKind('oss:put')!, { bucket: 'photos' });
 * await checkHandler({ handler: 'index.handler', arbitrary: puts, delivery: 'event' });
 * ```
 * @see README.md#print-an-event
 * @see README.md#property-based-contract-tests
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
  return options.fc2 && module.variants?.some((variant) => variant.delivery === 'fc2-http') ? 'fc2-http' : module.delivery;
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
