import type { Json } from '../../io/json-values.js';
import { isJsonObject } from '../../io/json-values.js';
import { withDefaults } from '../_shared/common.js';
import { accountIdFlag, regionFlag, timeFlag, usage } from '../_shared/flags.js';
import type { FlagSpec, KindSpec, TriggerBasics } from '../types.js';
import { BATCH_LIMITS } from './config.js';
import type { CloudEvent, EnvelopeParams, OneOrBatch } from './envelope.js';
import { batchOf } from './envelope.js';

/** How FC delivers a source's events: one per invocation, JSON arrays, or either as the trigger is configured. */
export type SourceModes = 'event-driven' | 'event-streaming' | 'both';

/**
 * One EventBridge source (MNS queue, RocketMQ, …): its payload inside the shared envelope, and the config field that
 * makes a trigger its own. {@link sourceBasics} turns it into the trigger's basics, {@link sourceModule} (with the
 * source's generator and project rules) into its module.
 */
export interface SourceSpec<Id extends string, P extends EnvelopeParams, E extends CloudEvent> {
  readonly id: Id;
  /** `eventSourceConfig.eventSourceType` of the source's triggers. */
  readonly sourceType: string;
  readonly modes: SourceModes;
  readonly defaults: P;
  readonly kinds: readonly KindSpec<P>[];
  /** Where the region shows in an event (none: the source's events do not say, and there is no --region). */
  readonly regionPointers: readonly string[];
  /** The source's own flags; region, account, time (and --batch for streaming sources) are added. */
  readonly flags: readonly FlagSpec<P>[];
  /** The event at `index` of a batch (index 0 alone in event-driven mode). */
  one(params: P, index: number): E;
  /** Whether a CloudEvent is this source's (by its type). */
  ownsEvent(event: Json): boolean;
}

/** `--batch N`: a JSON array of N events, as event-streaming delivers them; FC's limit is the batch window's. */
const batchFlag: FlagSpec<EnvelopeParams> = {
  flags: '--batch <count>',
  description: `a JSON array of that many events (event-streaming; ${BATCH_LIMITS.count.min}–${BATCH_LIMITS.count.max})`,
  param: 'batch',
  parse: (value) => {
    const count = Number(value);
    if (!/^\d+$/.test(value.trim()) || count < BATCH_LIMITS.count.min || count > BATCH_LIMITS.count.max) {
      usage(
        '--batch',
        `${JSON.stringify(value)} is beyond FC's limit: it pushes ${BATCH_LIMITS.count.min}–${BATCH_LIMITS.count.max} events per invocation`,
        '--batch 10',
      );
    }
    return count;
  },
  pointers: [],
};

/**
 * The first event of a value: itself, the first of a batch, or the first of a batch of JSON-encoded events (a Kafka
 * sample's form: detected, to say what is wrong with it), with whether it was encoded.
 */
function firstOf(value: unknown): [unknown, boolean] {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return [first, false];
  try {
    return [JSON.parse(first), true];
  } catch {
    return [undefined, false];
  }
}

/** The pointers of a field in a single event and in the first event of a batch. */
export const everywhere = (...pointers: string[]) => pointers.flatMap((pointer) => [pointer, `/0${pointer}`]);

const commonFlags = (modes: SourceModes, regionPointers: readonly string[]): FlagSpec<EnvelopeParams>[] => [
  ...(regionPointers.length === 0 ? [] : [{ ...regionFlag, pointers: regionPointers }]),
  { ...accountIdFlag, pointers: everywhere('/aliyunaccountid', '/subject') },
  { ...timeFlag, pointers: everywhere('/time') },
  ...(modes === 'event-driven' ? [] : [batchFlag]),
];

/** The basics of one EventBridge source: kinds, flags and builder around the shared envelope, and detection. */
export function sourceBasics<Id extends string, P extends EnvelopeParams, E extends CloudEvent>(
  spec: SourceSpec<Id, P, E>,
): TriggerBasics<Id, P, OneOrBatch<E>> {
  return {
    id: spec.id,
    apiType: 'eventbridge',
    spellings: {},
    configSource: { pointer: '/eventSourceConfig/eventSourceType', value: spec.sourceType },
    schemas: { events: ['eventbridge'], config: 'eventbridge-trigger-config' },
    delivery: 'event',
    defaults: spec.defaults,
    build: (params = {}) => buildSourceEvent(spec, params),
    kinds: spec.kinds,
    flags: [...spec.flags, ...(commonFlags(spec.modes, spec.regionPointers) as FlagSpec<P>[])],
    schemaOf: () => 'eventbridge',
    detect(value) {
      const [first, encoded] = firstOf(value);
      if (!isJsonObject(first) || !spec.ownsEvent(first) || !('specversion' in first || ('source' in first && 'data' in first))) return undefined;
      const what = encoded ? 'an array of JSON-encoded CloudEvents' : Array.isArray(value) ? 'an array of CloudEvents' : 'a CloudEvent';
      return { schema: 'eventbridge', because: `${what} of type ${String(first.type)}` };
    },
  };
}

/** The event (or batch) of a source for these parameters, the rest from its defaults. */
export function buildSourceEvent<P extends EnvelopeParams, E extends CloudEvent>(spec: SourceSpec<string, P, E>, params: Partial<P>): OneOrBatch<E> {
  const full = withDefaults(spec.defaults, params) as P;
  return batchOf(full.batch, (index) => spec.one(full, index));
}
