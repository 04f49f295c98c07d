import fc from 'fast-check';
import type { MnsEventParams, MnsFormat, MnsTopicEvent } from './build.js';
import { buildMnsEvent } from './build.js';
import { definedOnly, fixedOr, narrowed } from '../../../generators/internal/params.js';
import { asciiText, opaqueText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';
import { accountId } from '../../../generators/internal/values.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * Fix any builder parameter (`{ topic: 'orders' }`) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: MnsEventConstraints = { topic: 'orders', formats: ['STREAM'], withAttributes: false };
 * await checkHandler({ handler: 'index.handler', trigger: 'mns', constraints });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 * @see README.md#property-based-contract-tests
 */
export interface MnsEventConstraints extends Partial<MnsEventParams> {
  /** Draw the trigger's notifyContentFormat from these only. */
  formats?: readonly MnsFormat[];
  /** With message attributes (true), without (false; a STREAM event is then the raw body), or either (default). */
  withAttributes?: boolean;
}

/** The fields of a JSON-format event, which an attribute must not overwrite. */
const JSON_FIELDS = new Set(['TopicOwner', 'Message', 'Subscriber', 'PublishTime', 'SubscriptionName', 'MessageMD5', 'TopicName', 'MessageId']);

/** MNS topic and subscription names: a letter, then letters, digits and "-" (at most 255; kept short here). */
const mnsName = matching(/^[A-Za-z][A-Za-z0-9-]{0,31}$/);

/**
 * A message id in either form FC's events are seen with: 32 hex characters (FC's examples) or MNS's API form
 * `D273CD6A89564E54-1-15180395A19-200000001` (16 hex, `-1-`, 11 hex, `-`, 9 digits; events.md, Corrections).
 */
function messageId(): fc.Arbitrary<string> {
  const hex = (length: number) => matching(new RegExp(`^[0-9A-F]{${length}}$`));
  return fc.oneof(
    hex(32),
    fc.tuple(hex(16), hex(11), matching(/^[0-9]{9}$/)).map(([head, middle, sequence]) => `${head}-1-${middle}-${sequence}`),
  );
}

/**
 * The message body, passed as published: empty, text, JSON, multi-byte, or base64 that a handler must not
 * decode (FC does not base64 MNS messages, but publishers often do).
 */
function message(): fc.Arbitrary<string> {
  return opaqueText(fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64')));
}

/** Message attributes: `Extend` (the one FC examples show, a JSON object as a string), free-form ones, or both. */
function attributes(): fc.Arbitrary<Record<string, string>> {
  const extend = fc
    .dictionary(matching(/^[a-z][A-Za-z0-9]{0,7}$/), asciiText(16), { maxKeys: 3, noNullPrototype: true })
    .map((value) => ({ Extend: JSON.stringify(value) }));
  const name = matching(/^[A-Za-z][A-Za-z0-9]{0,15}$/).filter((n) => n !== 'Extend' && !JSON_FIELDS.has(n));
  const custom = fc.dictionary(name, asciiText(24), { minKeys: 1, maxKeys: 3, noNullPrototype: true });
  return fc.oneof(
    extend,
    custom,
    fc.tuple(extend, custom).map(([a, b]) => ({ ...a, ...b })),
  );
}

/**
 * MNS topic events: a JSON object whose MessageMD5 is the MD5 of Message, a STREAM `{body, attrs}`, or the raw body.
 *
 * @example
 * ```ts
 * const [event] = fc.sample(mnsEvent({ formats: ['JSON'], topic: 'orders' }), { numRuns: 1, seed: 42 });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/mns-topic-trigger
 * @see README.md#property-based-contract-tests
 */
export function mnsEvent(constraints: MnsEventConstraints = {}): fc.Arbitrary<MnsTopicEvent> {
  const { formats, withAttributes, ...rest } = constraints;
  const fixed = definedOnly(rest);
  return fc
    .record({
      format: fixedOr(fixed.format, narrowed(formats, fc.constantFrom<MnsFormat>('JSON', 'STREAM'))),
      message: fixedOr(fixed.message, message()),
      attributes: fixedOr(
        fixed.attributes,
        withAttributes === undefined ? fc.option(attributes(), { nil: undefined, freq: 2 }) : withAttributes ? attributes() : fc.constant(undefined),
      ),
      topic: fixedOr(fixed.topic, mnsName),
      accountId: fixedOr(fixed.accountId, accountId()),
      subscriptionName: fixedOr(fixed.subscriptionName, mnsName),
      time: fixedOr(fixed.time, instant('millisecond')),
      messageId: fixedOr(fixed.messageId, messageId()),
    })
    .map((drawn) => buildMnsEvent({ ...drawn, ...fixed }));
}
