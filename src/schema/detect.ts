import type { SchemaName } from './catalog.js';
import type { Json } from '../io/json-values.js';
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
  // A batch (event-streaming EventBridge sources deliver JSON arrays) is offered to the modules as it is: those that
  // deliver batches recognise theirs, the others find none of their fields in an array.
  const batch = Array.isArray(value) && value.length > 0;
  if (!isObject(value) && !batch) return undefined;
  for (const module of triggers) {
    const detection = module.detect(value as Json);
    if (detection) return detection;
  }
  // What a handler answers.
  if (isObject(value) && 'statusCode' in value) return { schema: 'http-response', because: 'it has statusCode' };
  return undefined;
}
