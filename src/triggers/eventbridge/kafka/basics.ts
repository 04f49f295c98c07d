import { usage, wholeNumber } from '../../_shared/flags.js';
import { kafkaEventAt, kafkaEventDefaults } from './build.js';
import type { KafkaEventParams, KafkaEvent } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/**
 * ApsaraMQ for Kafka trigger (EventBridge source `Kafka`, event-streaming only): batches of `alikafka:Topic:Message`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const kafkaSpec: SourceSpec<'kafka', KafkaEventParams, KafkaEvent> = {
  id: 'kafka',
  sourceType: 'Kafka',
  modes: 'event-streaming',
  regionPointers: [],
  defaults: kafkaEventDefaults,
  kinds: [
    {
      name: 'kafka',
      fixed: {},
      description:
        'records of an ApsaraMQ for Kafka topic via EventBridge, always a JSON array (event-streaming; --batch N); value as text, JSON or base64 (--value-format)',
    },
  ],
  flags: [
    { flags: '--topic <name>', description: 'topic name', param: 'topic', pointers: everywhere('/data/topic', '/subject') },
    { flags: '--value <text>', description: "the record's value (JSON with --value-format json)", param: 'value', pointers: everywhere('/data/value') },
    {
      flags: '--value-format <text|json|base64>',
      description: "how the value arrives: the source's ValueDataType Text (default), Json (parsed) or Binary (base64)",
      param: 'valueFormat',
      parse: (value) =>
        value === 'text' || value === 'json' || value === 'base64'
          ? value
          : usage('--value-format', `must be text, json or base64, got ${value}`, '--value-format json'),
      pointers: everywhere('/data/value'),
    },
    { flags: '--key <key>', description: 'record key', param: 'key', pointers: everywhere('/data/key') },
    {
      flags: '--partition <n>',
      description: 'partition number',
      param: 'partition',
      parse: wholeNumber('--partition'),
      pointers: everywhere('/data/partition'),
    },
    { flags: '--offset <n>', description: 'offset of the first record', param: 'offset', parse: wholeNumber('--offset'), pointers: everywhere('/data/offset') },
    { flags: '--instance <id>', description: 'instance id, alikafka_…', param: 'instanceId', pointers: everywhere('/subject') },
  ],
  one: kafkaEventAt,
  ownsEvent: (event) => event.type === 'alikafka:Topic:Message',
};

export const kafkaBasics = sourceBasics(kafkaSpec);
