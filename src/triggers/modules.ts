import type fc from 'fast-check';
import { FcSimError, TriggerConfigError } from '../errors.js';
import { parsePath } from '../io/json-pointer.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject } from '../io/json-values.js';
import type { ProjectTrigger } from '../project/model.js';
import { validate } from '../schema/validate.js';
import type { Delivery } from './delivery.js';
import type { EventKind } from './basics.js';
import type { TriggerId } from './registry.js';
import { triggers } from './registry.js';
import { sourceNames } from './basics.js';
import type { BuildOptions, TriggerModule } from './types.js';

export type { EventKind } from './basics.js';
export type { TriggerId } from './registry.js';
export { triggers } from './registry.js';
export {
  apiTypeOf,
  buildKind,
  deliveryOfKind,
  deliveryOfSchema,
  eventKinds,
  findKind,
  isFc2SourceName,
  isHttpTriggerType,
  isTriggerId,
  kindParams,
  schemaOfKind,
  sourceNameOn,
  sourceNames,
  triggerIds,
} from './basics.js';

type Module = (typeof triggers)[number];
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

/** The events of a trigger (or variant) within the constraints, and how they reach the handler. */
export function triggerSource(name: string, constraints?: object): { arbitrary: fc.Arbitrary<unknown>; delivery: Delivery } {
  for (const module of modules) {
    if (module.id === name) return { arbitrary: module.arbitrary(constraints), delivery: module.delivery };
    const variant = module.variants?.find((candidate) => candidate.name === name);
    const arbitrary = variant && module.variantArbitraries?.[variant.name];
    if (variant && arbitrary) return { arbitrary: arbitrary(constraints), delivery: variant.delivery };
  }
  throw new FcSimError('E_UNKNOWN_KIND', `unknown trigger "${name}"`, `use one of: ${sourceNames.join(', ')}`);
}
