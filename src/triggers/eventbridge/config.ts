import { TriggerConfigError } from '../../errors.js';
import type { Json } from '../../io/json-values.js';
import { objectIn, stringIn } from '../../io/json-values.js';
import type { ProjectTrigger } from '../../project/model.js';
import type { EventPattern } from './pattern.js';
import { parsePattern } from './pattern.js';

/**
 * The parts of an EventBridge trigger's config (FC API EventBridgeTriggerConfig) that decide which events reach the
 * function and how: the source and its parameters, the filter pattern, the delivery mode and the batch window.
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig
 */

/** FC's batch window limits ('triggers: advanced features', https://help.aliyun.com/document_detail/455240.html). */
export const BATCH_LIMITS = { count: { min: 1, max: 10000 }, seconds: { min: 0, max: 15 } } as const;

/** `eventSourceConfig.eventSourceType` → the key of its parameters in `eventSourceParameters`. */
export const PARAMETER_KEYS: Readonly<Record<string, string>> = {
  MNS: 'sourceMNSParameters',
  RocketMQ: 'sourceRocketMQParameters',
  RabbitMQ: 'sourceRabbitMQParameters',
  Kafka: 'sourceKafkaParameters',
  DTS: 'sourceDTSParameters',
  MQTT: 'sourceMQTTParameters',
};

export type DeliveryMode = 'event-driven' | 'event-streaming';

export interface EventBridgeSettings {
  /** `Default`, `MNS`, `RocketMQ`, … */
  readonly sourceType: string | undefined;
  /** The source's parameters (`sourceMNSParameters`, …), PascalCase keys as written. */
  readonly parameters: Json;
  readonly pattern: EventPattern;
  /** Event-driven: one CloudEvent per invocation; event-streaming: a JSON array of 1 to `batchSize` of them. */
  readonly mode: DeliveryMode;
  readonly batchSize: number;
}

export function sourceTypeOf(config: Json): string | undefined {
  return stringIn(objectIn(config.eventSourceConfig).eventSourceType);
}

/** Where a trigger is written, for messages: `s.yaml resources.app.props.triggers[0].triggerConfig`. */
export function siteOf(trigger: Pick<ProjectTrigger, 'location'>): string {
  return `${trigger.location.file} ${trigger.location.path}.triggerConfig`;
}

/** `site: field …`, or the field alone where the config was not read from a file (lint names the place itself). */
const at = (site: string | undefined, text: string) => (site ? `${site}: ${text}` : text);

function batchSize(site: string | undefined, windows: Json, mode: DeliveryMode): number {
  const count = windows.CountBasedWindow;
  const seconds = windows.TimeBasedWindow;
  if (
    seconds !== undefined &&
    (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < BATCH_LIMITS.seconds.min || seconds > BATCH_LIMITS.seconds.max)
  ) {
    throw new TriggerConfigError(
      at(site, `runOptions.batchWindow.TimeBasedWindow ${JSON.stringify(seconds)} is not a whole number of seconds FC takes`),
      `use ${BATCH_LIMITS.seconds.min}–${BATCH_LIMITS.seconds.max} (0 pushes at once)`,
    );
  }
  if (count === undefined) return 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < BATCH_LIMITS.count.min || count > BATCH_LIMITS.count.max) {
    throw new TriggerConfigError(
      at(site, `runOptions.batchWindow.CountBasedWindow ${JSON.stringify(count)} is beyond FC's limit`),
      `FC pushes ${BATCH_LIMITS.count.min}–${BATCH_LIMITS.count.max} events per invocation: use a whole number in that range`,
    );
  }
  // An event-driven trigger (an EventBridge rule) invokes once per event: a batch window does not apply.
  return mode === 'event-streaming' ? count : 1;
}

/**
 * The settings of an EventBridge trigger; throws a {@link TriggerConfigError} naming the field for a pattern that is
 * not JSON or uses an unknown operator, a batch window beyond FC's limits, or a Kafka or DTS source that is not
 * event-streaming (the only mode FC has for them).
 */
export function readSettings(config: Json, site?: string): EventBridgeSettings {
  const sourceType = sourceTypeOf(config);
  const patternText = config.eventRuleFilterPattern;
  if (typeof patternText !== 'string') {
    throw new TriggerConfigError(
      at(site, `eventRuleFilterPattern ${patternText === undefined ? 'is missing' : 'must be a string'}`),
      `FC requires it as a JSON string: eventRuleFilterPattern: '{}' lets every event of the source through`,
    );
  }
  const pattern = parsePattern(patternText, site);
  const streamingOnly = sourceType === 'Kafka' || sourceType === 'DTS';
  const written = stringIn(objectIn(objectIn(config.eventSinkConfig).deliveryOption).mode) ?? stringIn(objectIn(config.runOptions).mode);
  if (written !== undefined && written !== 'event-driven' && written !== 'event-streaming') {
    throw new TriggerConfigError(
      at(site, `eventSinkConfig.deliveryOption.mode ${JSON.stringify(written)} is not a mode FC has`),
      'use event-driven or event-streaming',
    );
  }
  if (streamingOnly && written === 'event-driven') {
    throw new TriggerConfigError(
      at(site, `a ${sourceType} source delivers only in event-streaming mode, not event-driven`),
      'set eventSinkConfig.deliveryOption.mode and runOptions.mode to event-streaming',
    );
  }
  const mode: DeliveryMode = (written as DeliveryMode | undefined) ?? (streamingOnly ? 'event-streaming' : 'event-driven');
  const parameterKey = sourceType === undefined ? undefined : PARAMETER_KEYS[sourceType];
  return {
    sourceType,
    parameters: parameterKey ? objectIn(objectIn(objectIn(config.eventSourceConfig).eventSourceParameters)[parameterKey]) : {},
    pattern,
    mode,
    batchSize: batchSize(site, objectIn(objectIn(config.runOptions).batchWindow), mode),
  };
}

/** The `fc-sim ls` line of any config, readable or not (lint says what is wrong with it). */
export function describeSettings(config: Json, what: (parameters: Json) => string): string {
  try {
    const settings = readSettings(config);
    const batch = settings.mode === 'event-streaming' ? `event-streaming, batches of 1–${settings.batchSize}` : 'event-driven';
    const pattern = settings.pattern.leaves.length === 0 ? 'every event' : `pattern ${settings.pattern.text.replace(/\s+/g, ' ')}`;
    return `${what(settings.parameters)} (${batch}), ${pattern}`;
  } catch (error) {
    if (!(error instanceof TriggerConfigError)) throw error;
    return `${sourceTypeOf(config) ?? 'no eventSourceType'}: ${error.message.replace(/\s+/g, ' ')}`;
  }
}

/** Lint findings beyond the schema: the pattern and mode rules only fc-sim's reading knows. */
export function lintSettings(config: Json): { message: string; fix: string; rule: string }[] {
  try {
    readSettings(config);
    return [];
  } catch (error) {
    if (!(error instanceof TriggerConfigError)) throw error;
    return [{ rule: 'trigger-config', message: error.message, fix: error.hint ?? 'see fc-sim schema eventbridge-trigger-config' }];
  }
}
