import type { TriggerBasics } from '../types.js';
import type { MnsEventParams, MnsTopicEvent } from './build.js';
import { buildMnsEvent, mnsEventDefaults } from './build.js';
import { mnsFlags } from './flags.js';

/**
 * MNS topic: a message pushed by a topic subscription, JSON format (an object) or STREAM (the raw body, or
 * `{body, attrs}` with message attributes).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 */
export const mnsBasics: TriggerBasics<'mns', MnsEventParams, MnsTopicEvent> = {
  id: 'mns',
  apiType: 'mns_topic',
  spellings: { fun: 'MNSTopic', fc: 'mnsTopic' },
  schemas: { events: ['mns-json', 'mns-stream'], config: 'mns-trigger-config' },
  delivery: 'event',
  defaults: mnsEventDefaults,
  build: (params) => buildMnsEvent(params),
  kinds: [
    { name: 'mns:json', fixed: { format: 'JSON' }, description: 'an MNS topic message, JSON format (attributes merged at the top level)' },
    { name: 'mns:stream', fixed: { format: 'STREAM' }, description: 'an MNS topic message, STREAM format: the raw body, or {body, attrs} with --attr' },
  ],
  flags: mnsFlags,
  // A STREAM message without attributes is the raw body: no schema describes a string.
  schemaOf: (event) => (typeof event === 'string' ? undefined : 'attrs' in (event as object) && 'body' in (event as object) ? 'mns-stream' : 'mns-json'),
  detect(value) {
    if ('TopicOwner' in value || 'MessageMD5' in value || 'SubscriptionName' in value)
      return { schema: 'mns-json', because: 'it has MNS topic fields (TopicOwner, MessageMD5, …)' };
    if ('body' in value && 'attrs' in value) return { schema: 'mns-stream', because: 'it has body and attrs' };
    return undefined;
  },
};
