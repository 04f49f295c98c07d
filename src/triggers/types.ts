import type fc from 'fast-check';
import type { Json } from '../io/json-values.js';
import type { ProjectFormat, ProjectTrigger } from '../project/model.js';
import type { SchemaName } from '../schema/catalog.js';
import type { Delivery } from './delivery.js';

/**
 * What fc-sim knows about one trigger that printing its events takes: its schemas, the coherent builder, its named
 * kinds and their CLI flags, how to recognise its events and how they reach the handler: what `basics.ts` looks up.
 * They import no generator (fast-check) and no project code, which {@link TriggerModule} adds.
 *
 * @example
 * ```ts
 * const oss: TriggerBasics = triggerBasics('oss');
 * const event = oss.build({ bucket: 'photos', key: 'uploads/a.png' });
 * const schema = oss.schemaOf(event); // 'oss'
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface TriggerBasics<Id extends string = string, P extends object = object, E = unknown> {
  /** The one name fc-sim uses for the trigger: kinds (`oss:put`), the CLI, `checkHandler({ trigger })`, saved failures. */
  readonly id: Id;
  /** The FC API's `triggerType`, which the project model keeps (fc3 and the API spell it so). */
  readonly apiType: string;
  /** How the other tools write the type, where it differs from the API's: Fun's `Type`, the fc 2.x component's `type` (none where the tool has no such trigger type). */
  readonly spellings: { readonly fun?: string; readonly fc?: string };
  /**
   * Where several modules share one API type (EventBridge's sources), the config field that tells them apart (a JSON
   * pointer into the config) and this module's value of it.
   */
  readonly configSource?: { readonly pointer: string; readonly value: string };
  /** The schemas of the events the handler receives, and of the trigger's config. */
  readonly schemas: { readonly events: readonly SchemaName[]; readonly config: SchemaName };
  /** How the handler receives the trigger's events by default (HTTP triggers: the FC 3.0 event). */
  readonly delivery: Delivery;
  readonly defaults: P;
  /** The coherent event for these parameters (the rest from `defaults`); deterministic. */
  build(params?: Partial<P>, options?: BuildOptions): E;
  readonly kinds: readonly KindSpec<P>[];
  /** The flags of `fc-sim <kind>`, each setting one builder parameter. */
  readonly flags: readonly FlagSpec<P>[];
  /** Options of `fc-sim <kind>` that are not builder parameters (`--fc2`, `--cron`), handled by the command. */
  readonly commandOptions?: readonly CommandOption[];
  /** Moves flag values where the builder wants them (an HTTP `--path` that carries `?query`). */
  adjustParams?(params: Partial<P>): Partial<P>;
  /** The schema one of its events validates against; undefined when the event has none (a raw MNS STREAM body). */
  schemaOf(event: unknown): SchemaName | undefined;
  /** Why an unknown value is this trigger's event, from fields only its payload has; undefined when it is not. */
  detect(value: Json): { schema: SchemaName; because: string } | undefined;
  /** Other deliveries the same events can take, each a test source of its own (`fc2-http`: FC 2.0 HTTP handlers). */
  readonly variants?: readonly TriggerVariant[];
}

/**
 * Everything fc-sim knows about one trigger (event source), in one place: its {@link TriggerBasics}, the generator,
 * its filter, how each tool spells its config, `fc-sim ls` and lint. `registry.ts` lists the modules; nothing outside
 * `src/triggers/` switches on trigger names. A part left out is a compile error.
 *
 * @example
 * ```ts
 * const oss: TriggerModule = triggerModule('oss');
 * const event = oss.build({ bucket: 'photos', key: 'uploads/a.png' });
 * const events = fc.sample(oss.arbitrary({ keyPrefix: 'uploads/' }), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface TriggerModule<Id extends string = string, P extends object = object, E = unknown, C = Partial<P>> extends TriggerBasics<Id, P, E> {
  /** Valid, coherent events within the constraints. */
  arbitrary(constraints?: C): fc.Arbitrary<E>;
  /** The drawn events of a kind: what names the kind stays fixed unless the flags (`fixed`) set it. */
  kindArbitrary(kind: KindSpec<P>, fixed: Partial<P>, options?: BuildOptions): fc.Arbitrary<unknown>;
  /** The events of each of its {@link TriggerBasics.variants}, by the variant's name. */
  readonly variantArbitraries?: { readonly [name: string]: (constraints?: object) => fc.Arbitrary<unknown> };
  /** The project side: config normalisation, the filter, `fc-sim ls` and lint. */
  readonly project: TriggerProjectRules;
}

/**
 * Options of a trigger's builder beyond its parameters: HTTP requests as an FC 2.0 HTTP handler sees them.
 *
 * @example
 * ```ts
 * const options: BuildOptions = { fc2: true };
 * const request = buildKind(findKind('http:post')!, { path: '/users', body: '{}' }, options);
 * ```
 * @see https://help.aliyun.com/document_detail/74757.html
 */
export interface BuildOptions {
  /** HTTP: the request as an FC 2.0 HTTP handler sees it, instead of the FC 3.0 event. */
  fc2?: boolean;
}

/**
 * A named event kind: a realistic default event of one trigger, which flags then change.
 *
 * @example
 * ```ts
 * const kind: KindSpec = findKind('oss:delete')!;
 * console.log(kind.name, kind.description, kind.fixed); // oss:delete … { eventName: 'ObjectRemoved:DeleteObject' }
 * ```
 * @see README.md#print-an-event
 */
export interface KindSpec<P extends object = object> {
  readonly name: string;
  readonly description: string;
  /** What names the kind (the OSS eventName, the HTTP method, the MNS format): drawn events keep it. */
  readonly fixed: Partial<P>;
  /** Realistic values of the kind's default event (the user's flags go on top); generators draw these instead. */
  readonly params?: Partial<P>;
}

/**
 * A command-line flag of `fc-sim <kind>` and the builder parameter it sets.
 *
 * @example
 * ```ts
 * for (const flag of triggerModule('oss').flags as readonly FlagSpec[]) console.log(flag.flags.padEnd(24), flag.description);
 * ```
 * @see README.md#print-an-event
 */
export interface FlagSpec<P extends object = object> {
  readonly flags: string;
  readonly description: string;
  readonly param: keyof P & string;
  /** Turns the text into the parameter's value; repeatable flags receive the value so far, file flags the folder paths are relative to. */
  readonly parse?: (value: string, previous: unknown, cwd: string) => unknown;
  /** Where in the event the parameter shows, so that a schema error can name the flag. */
  readonly pointers: readonly string[];
}

export interface CommandOption {
  readonly flags: string;
  readonly description: string;
}

export interface TriggerVariant {
  readonly name: string;
  readonly delivery: Delivery;
  /** The schema of what the variant delivers (`fc2-http-request`): a saved or hand-written file of it goes this way. */
  readonly schema: SchemaName;
}

export type FcVersion = 2 | 3;

export interface TriggerEventOptions {
  /** FC 3.0 or 2.0: the HTTP handler style, and whether OSS events carry the FC 2.0-era `virtualBucket`. */
  fcVersion: FcVersion;
}

/** Events a trigger delivers (or rejects), and how each reaches the handler. */
export interface TriggerEvents {
  arbitrary: fc.Arbitrary<unknown>;
  delivery: Delivery;
}

/** Events a trigger's filter turns away, and why. */
export interface RejectedEvents extends TriggerEvents {
  reason: string;
}

export interface TriggerProjectRules {
  /** A config in the API's shape from a tool's spelling (keys already camelCase for Fun). */
  normaliseConfig?(config: Json): Json;
  /** The events the trigger can deliver, within its config; throws `E_CONFIG` when the config lets nothing through. */
  matching(trigger: ProjectTrigger, options: TriggerEventOptions): TriggerEvents;
  /** Events of its source that the filter turns away; undefined when the filter turns nothing away. */
  rejected(trigger: ProjectTrigger, options: TriggerEventOptions): RejectedEvents | undefined;
  /** Whether FC hands this event to the function through this trigger. */
  delivers(trigger: ProjectTrigger, event: unknown): boolean;
  /**
   * Valid configs of this module's triggers, where its config schema alone does not draw them (an EventBridge filter
   * pattern is JSON inside a string; several modules share one schema): the battery checks the filter on these.
   */
  configs?(): fc.Arbitrary<Json>;
  /** The `fc-sim ls` line of a config (and of the sourceArn, for triggers whose source only it names). */
  describe(config: Json, sourceArn?: string): string;
  /** Findings beyond the config schema (a cron FC refuses, a sourceArn that names no table), each with its fix. */
  lint?(config: Json, sourceArn?: string): readonly { message: string; fix: string; rule: string }[];
  /**
   * The project formats that can declare the trigger, and what to do instead elsewhere; absent: every format (an FC
   * API trigger type). API Gateway APIs are only in Fun templates: `triggerType: apigw` in an s.yaml is no FC trigger.
   */
  declaredIn?: { readonly formats: readonly ProjectFormat[]; readonly fix: string };
}
