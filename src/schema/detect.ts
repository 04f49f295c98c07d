import type { SchemaName } from './catalog.js';
import { isJsonObject as isObject, type Json } from '../io/json-values.js';

export interface Detection {
  /** The schema the value is written for. */
  schema: SchemaName;
  /** The field that gave it away, for messages. */
  because: string;
}

function detectRecord(record: Json): Detection | undefined {
  if (record.eventSource === 'acs:oss' || isObject(record.oss)) return { schema: 'oss', because: '/events/0 is an OSS record' };
  if (record.eventSource === 'cdn' || 'eventParameter' in record) return { schema: 'cdn', because: '/events/0 is a CDN record' };
  return undefined;
}

function isCloudEvent(value: unknown): boolean {
  if (typeof value === 'string') {
    // Kafka via EventBridge in some samples: an array of JSON-encoded CloudEvents.
    try {
      return isCloudEvent(JSON.parse(value));
    } catch {
      return false;
    }
  }
  return isObject(value) && ('specversion' in value || ('source' in value && 'type' in value && 'data' in value));
}

/**
 * Tells which schema an unknown value is written for, from the fields that only one trigger's payload has. It does
 * not validate: a detected value may still be invalid, which is the point of detecting it (to say what is wrong).
 */
export function detectSchema(value: unknown): Detection | undefined {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isCloudEvent) ? { schema: 'eventbridge', because: 'an array of CloudEvents' } : undefined;
  }
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.events) && isObject(value.events[0])) return detectRecord(value.events[0]);
  if ('triggerTime' in value) return { schema: 'timer', because: 'it has triggerTime' };
  if ('TopicOwner' in value || 'MessageMD5' in value || 'SubscriptionName' in value) {
    return { schema: 'mns-json', because: 'it has MNS topic fields (TopicOwner, MessageMD5, …)' };
  }
  if ('body' in value && 'attrs' in value) return { schema: 'mns-stream', because: 'it has body and attrs' };
  if (isObject(value.source) && ('logstoreName' in value.source || 'beginCursor' in value.source)) {
    return { schema: 'sls', because: 'it has source.logstoreName' };
  }
  if ('rawPath' in value || ('requestContext' in value && 'version' in value)) return { schema: 'http', because: 'it has rawPath and requestContext' };
  if ('httpMethod' in value) return { schema: 'apigw', because: 'it has httpMethod' };
  if ('statusCode' in value) return { schema: 'http-response', because: 'it has statusCode' };
  if (isCloudEvent(value)) return { schema: 'eventbridge', because: 'it is a CloudEvent' };
  if ('Records' in value && 'Version' in value) return { schema: 'tablestore', because: 'it has Version and Records' };
  return undefined;
}
