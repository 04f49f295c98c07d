import type { SchemaName } from './catalog.js';
import { isJsonObject as isObject } from '../io/json-values.js';
import { triggers } from '../triggers/registry.js';

/**
 * Which schema {@link detectSchema} found an unknown value written for, and the field that gave it away.
 *
 * @example
 * ```ts
 * const detection: Detection | undefined = detectSchema({ triggerTime: '2023-12-26T07:49:00Z', triggerName: 't', payload: '' });
 * if (detection) console.log(`${detection.schema} (${detection.because})`);
 * ```
 * @see README.md#check-an-event
 */
export interface Detection {
  /** The schema the value is written for. */
  schema: SchemaName;
  /** The field that gave it away, for messages. */
  because: string;
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
 *
 * @example
 * ```ts
 * const value: unknown = JSON.parse(readFileSync('event.json', 'utf8'));
 * const detection = detectSchema(value);
 * if (detection) console.log(validate(detection.schema, value).valid ? 'valid' : 'invalid', detection.schema, `(${detection.because})`);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#check-an-event
 */
export function detectSchema(value: unknown): Detection | undefined {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isCloudEvent) ? { schema: 'eventbridge', because: 'an array of CloudEvents' } : undefined;
  }
  if (!isObject(value)) return undefined;
  for (const module of triggers) {
    const detection = module.detect(value);
    if (detection) return detection;
  }
  // Payloads of sources that have no trigger module yet, and what a handler answers.
  if ('statusCode' in value) return { schema: 'http-response', because: 'it has statusCode' };
  if (isCloudEvent(value)) return { schema: 'eventbridge', because: 'it is a CloudEvent' };
  return undefined;
}
