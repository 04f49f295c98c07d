import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { jsonText, opaqueText } from '../../../../generators/internal/text.js';
import { resourceName } from '../envelope-draws.js';
import type { KafkaEventParams, KafkaValueFormat } from './build.js';
import { matching } from '../../../../generators/internal/matching.js';

export const kafkaSourceDraws = (fixed: Partial<KafkaEventParams>): fc.Arbitrary<Partial<KafkaEventParams>> =>
  fc.record({
    instanceId: fixedOr(fixed.instanceId, matching(/^alikafka_(post|pre)-cn-[a-z0-9]{12}$/)),
    topic: fixedOr(fixed.topic, resourceName(32)),
    valueFormat: fixedOr(fixed.valueFormat, fc.constantFrom<KafkaValueFormat>('text', 'json', 'base64')),
  });

/** One record: partition, offset, key, and a value that fits the format (JSON when the format may be JSON: it is drawn with the source). */
export const kafkaMessageDraws = (fixed: Partial<KafkaEventParams>): fc.Arbitrary<Partial<KafkaEventParams>> =>
  fc.record({
    partition: fixedOr(fixed.partition, fc.nat({ max: 23 })),
    offset: fixedOr(fixed.offset, fc.nat({ max: 10_000_000 })),
    key: fixedOr(fixed.key, fc.option(resourceName(16), { nil: undefined })),
    value: fixedOr(fixed.value, fixed.valueFormat === 'text' || fixed.valueFormat === 'base64' ? fc.oneof(opaqueText(), jsonText()) : jsonText()),
  });
