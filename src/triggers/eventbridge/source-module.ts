import fc from 'fast-check';
import { definedOnly } from '../../../generators/internal/params.js';
import { arbitraryAt, arbitraryFor } from '../../../generators/internal/schema-arbitrary.js';
import { FcSimError } from '../../errors.js';
import type { Json } from '../../io/json-values.js';
import { isJsonObject } from '../../io/json-values.js';
import type { ProjectTrigger } from '../../project/model.js';
import { holdsUnresolved } from '../../project/source-arn.js';
import { pascalSourceParameters } from './parameter-names.js';
import { withDefaults } from '../_shared/common.js';
import type { TriggerModule, TriggerProjectRules } from '../types.js';
import type { EventBridgeSettings } from './config.js';
import { describeSettings, lintSettings, PARAMETER_KEYS, readSettings, siteOf } from './config.js';
import type { CloudEvent, EnvelopeParams, OneOrBatch } from './envelope.js';
import { envelopeDraws } from './envelope-draws.js';
import type { EventPattern } from './pattern.js';
import { patternMatches } from './pattern.js';
import { patternTexts } from './pattern-arbitrary.js';
import { blockingLeaf, matchingPattern, rejectedByPattern, towardsPattern } from './pattern-events.js';
import type { SourceModes, SourceSpec } from './source-basics.js';
import { buildSourceEvent, sourceBasics } from './source-basics.js';

/** What a source's module adds to its {@link SourceSpec}: how its events are drawn, and what a trigger's config fixes. */
export interface SourceRules<P extends EnvelopeParams> {
  /** What the events of one trigger share (queue, topic, region…), drawn where `fixed` leaves it open. */
  sourceDraws(fixed: Partial<P>): fc.Arbitrary<Partial<P>>;
  /** What each event draws for itself (the message). */
  messageDraws(fixed: Partial<P>): fc.Arbitrary<Partial<P>>;
  /** The parameters a trigger's config fixes, and the event fields (dotted paths) they show in. */
  fromConfig(settings: EventBridgeSettings, trigger: ProjectTrigger): { params: Partial<P>; pinned: readonly string[] };
  /** The `fc-sim ls` words for the source's parameters: `queue orders`. */
  describe(parameters: Json): string;
  /** The kinds of event the pattern itself picks, as parameters (the default bus: OSS events or custom ones); none: any. */
  patternParams?(pattern: EventPattern): readonly Partial<P>[];
}

/**
 * The constraints of an EventBridge source's generator: fix any builder parameter (`batch` fixes the batch size), and
 * bound drawn batches.
 *
 * @example
 * ```ts
 * const constraints: SourceConstraints<KafkaEventParams> = { topic: 'clicks', valueFormat: 'json', maxBatch: 5 };
 * const batches = fc.sample(kafkaEvent(constraints), 10);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type SourceConstraints<P> = Partial<P> & {
  /** Most events in a drawn batch (default 10). */
  readonly maxBatch?: number;
};

/**
 * Valid configs of a source's triggers: the config schema draws the rest, while the source (its type and parameters),
 * the mode of a streaming-only source and the pattern (JSON in a string, over the source's own fields) are drawn here:
 * the schema's conditionals on a nested field are more than the schema compiler draws by itself.
 */
function configsOf(sourceType: string, modes: SourceModes, patterns: fc.Arbitrary<string>): fc.Arbitrary<Json> {
  const schema = 'eventbridge-trigger-config';
  const key = PARAMETER_KEYS[sourceType];
  const streaming = fc.constant('event-streaming');
  const overrides: Record<string, fc.Arbitrary<unknown>> = {
    '/eventRuleFilterPattern': patterns,
    '/eventSourceConfig': fc.record({
      eventSourceType: fc.constant(sourceType),
      ...(key ? { eventSourceParameters: fc.record({ [key]: arbitraryAt(schema, `/eventSourceConfig/eventSourceParameters/${key}`) }) } : {}),
    }),
    ...(modes === 'event-streaming' ? { '/eventSinkConfig/deliveryOption/mode': streaming, '/runOptions/mode': streaming } : {}),
  };
  return (arbitraryFor(schema, { overrides }) as fc.Arbitrary<unknown>).filter(isJsonObject);
}

/** The module of one EventBridge source: kinds, flags, builder and generator around the shared envelope, and the project rules (pattern, mode, batch window). */
export function sourceModule<Id extends string, P extends EnvelopeParams, E extends CloudEvent>(
  spec: SourceSpec<Id, P, E>,
  rules: SourceRules<P>,
): TriggerModule<Id, P, OneOrBatch<E>, SourceConstraints<P>> {
  /** Events of one source: shared parameters drawn once, a message per event. */
  const eventsOf = (fixed: Partial<P>, sizes: { min: number; max: number } | 'single'): fc.Arbitrary<OneOrBatch<E>> => {
    const shared = fc.tuple(envelopeDraws(fixed), rules.sourceDraws(fixed));
    const message = rules.messageDraws(fixed);
    const one = (drawn: Partial<P>, index: number) => spec.one(withDefaults(spec.defaults, { ...drawn, ...fixed, batch: undefined }) as P, index);
    if (sizes === 'single') return fc.tuple(shared, message).map(([[envelope, source], own]) => one({ ...envelope, ...source, ...own } as Partial<P>, 0));
    return fc
      .tuple(shared, fc.array(message, { minLength: sizes.min, maxLength: sizes.max, size: 'small' }))
      .map(([[envelope, source], messages]) => messages.map((own, index) => one({ ...envelope, ...source, ...own } as Partial<P>, index)));
  };

  const arbitrary = (constraints: SourceConstraints<P> = {} as SourceConstraints<P>): fc.Arbitrary<OneOrBatch<E>> => {
    const { maxBatch, ...rest } = constraints;
    const fixed = definedOnly(rest) as Partial<P>;
    if (fixed.batch !== undefined) return eventsOf(fixed, { min: fixed.batch, max: fixed.batch });
    const batches = () => eventsOf(fixed, { min: 1, max: maxBatch ?? 10 });
    if (spec.modes === 'event-driven') return eventsOf(fixed, 'single');
    if (spec.modes === 'event-streaming') return batches();
    return fc.oneof(eventsOf(fixed, 'single'), batches());
  };

  /** One event at a time, within the config's parameters and what the pattern picks. */
  const singleEvents = (pattern: EventPattern, params: Partial<P>): fc.Arbitrary<E> => {
    const picked = rules.patternParams?.(pattern) ?? [];
    return (
      picked.length === 0 ? eventsOf(params, 'single') : fc.oneof(...picked.map((choice) => eventsOf({ ...choice, ...params }, 'single')))
    ) as fc.Arbitrary<E>;
  };

  const isOwn = (event: unknown): event is Json => isJsonObject(event) && spec.ownsEvent(event);

  /**
   * The trigger's settings and what they fix. A parameter left as written (`Topic: "{{ Topic }}"`, which s init fills,
   * or a `${…}`: the loader warns of both) names nothing FC would send, so the events draw it.
   */
  const configured = (trigger: ProjectTrigger) => {
    const settings = readSettings(trigger.config, siteOf(trigger));
    const parameters = Object.fromEntries(Object.entries(settings.parameters).filter(([, value]) => !holdsUnresolved(value)));
    return { settings, ...rules.fromConfig({ ...settings, parameters }, trigger) };
  };

  const project: TriggerProjectRules = {
    matching(trigger) {
      const { settings, params, pinned } = configured(trigger);
      const single = singleEvents(settings.pattern, params);
      const tries = fc.sample(towardsPattern(single, settings.pattern, pinned), { numRuns: 60, seed: 1 });
      if (!tries.some((event) => patternMatches(settings.pattern, event))) {
        const leaf = blockingLeaf(settings.pattern, tries);
        throw new FcSimError(
          'E_CONFIG',
          `trigger "${trigger.name}" (${trigger.type}) lets no event through: eventRuleFilterPattern turns away every event of its ${spec.sourceType} source${leaf ? ` (${leaf.path.join('.')} never passes)` : ''}`,
          `fix the pattern against the events the source sends (fc-sim ${spec.kinds[0]!.name} prints one)`,
        );
      }
      if (settings.mode === 'event-driven') return { arbitrary: matchingPattern(single, settings.pattern, pinned), delivery: 'event' };
      // One stream's batch shares its source (queue, topic, region): drawn once, then each event is filtered.
      const batches = fc.tuple(envelopeDraws(params), rules.sourceDraws(params)).chain(([envelope, source]) =>
        fc.array(matchingPattern(singleEvents(settings.pattern, { ...params, ...envelope, ...source } as Partial<P>), settings.pattern, pinned), {
          minLength: 1,
          maxLength: settings.batchSize,
          size: 'small',
        }),
      );
      return { arbitrary: batches, delivery: 'event' };
    },
    rejected(trigger) {
      const { settings, params, pinned } = configured(trigger);
      const rejected = rejectedByPattern(singleEvents(settings.pattern, params), settings.pattern, pinned);
      if (!rejected) return undefined;
      return {
        arbitrary: settings.mode === 'event-driven' ? rejected.arbitrary : rejected.arbitrary.map((event) => [event]),
        delivery: 'event',
        reason: `events of its ${spec.sourceType} source outside eventRuleFilterPattern: ${rejected.reasons.join('; ')}`,
      };
    },
    delivers(trigger, event) {
      const settings = readSettings(trigger.config, siteOf(trigger));
      const events =
        settings.mode === 'event-driven' ? (Array.isArray(event) ? [] : [event]) : Array.isArray(event) && event.length <= settings.batchSize ? event : [];
      return events.length > 0 && events.every((one) => isOwn(one) && patternMatches(settings.pattern, one));
    },
    describe: (config) => describeSettings(config, rules.describe),
    lint: (config) => lintSettings(config),
    normaliseConfig: pascalSourceParameters,
    configs: () => configsOf(spec.sourceType, spec.modes, patternTexts(buildSourceEvent(spec, {}))),
  };

  return {
    ...sourceBasics(spec),
    arbitrary,
    kindArbitrary: (kind, fixed) => arbitrary({ ...kind.fixed, ...fixed } as SourceConstraints<P>),
    project,
  };
}
