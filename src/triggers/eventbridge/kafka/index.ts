import { stringIn } from '../../../io/json-values.js';
import { kafkaMessageDraws, kafkaSourceDraws } from './arbitrary.js';
import type { KafkaValueFormat } from './build.js';
import { sourceModule } from '../source-module.js';
import { kafkaSpec } from './basics.js';

/** ValueDataType of the source → the form of `data.value`. */
const FORMATS: Readonly<Record<string, KafkaValueFormat>> = { Text: 'text', Json: 'json', Binary: 'base64' };

/**
 * ApsaraMQ for Kafka trigger (EventBridge source `Kafka`, event-streaming only): batches of `alikafka:Topic:Message`.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const kafka = sourceModule(kafkaSpec, {
  sourceDraws: kafkaSourceDraws,
  messageDraws: kafkaMessageDraws,
  fromConfig({ parameters }) {
    const topic = stringIn(parameters.Topic);
    const instanceId = stringIn(parameters.InstanceId);
    const region = stringIn(parameters.RegionId);
    const valueFormat = FORMATS[stringIn(parameters.ValueDataType) ?? 'Text'] ?? 'text';
    return {
      params: { valueFormat, ...(topic ? { topic } : {}), ...(instanceId ? { instanceId } : {}), ...(region ? { region } : {}) },
      pinned: ['type', 'specversion', 'source', ...(topic ? ['data.topic', 'subject'] : []), ...(instanceId ? ['subject'] : [])],
    };
  },
  describe: (parameters) => `topic ${stringIn(parameters.Topic) ?? '?'} group ${stringIn(parameters.ConsumerGroup) ?? '?'}`,
});
