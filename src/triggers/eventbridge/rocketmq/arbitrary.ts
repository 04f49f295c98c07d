import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { asciiText, opaqueText } from '../../../../generators/internal/text.js';
import { resourceName } from '../envelope-draws.js';
import type { RocketMqEventParams } from './build.js';
import { matching } from '../../../../generators/internal/matching.js';

export const rocketMqSourceDraws = (fixed: Partial<RocketMqEventParams>): fc.Arbitrary<Partial<RocketMqEventParams>> =>
  fc.record({
    topic: fixedOr(fixed.topic, resourceName(32)),
    instanceId: fixedOr(
      fixed.instanceId,
      fc.tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 16n - 1n }), matching(/^[A-Za-z0-9]{8}$/)).map(([uid, suffix]) => `MQ_INST_${uid}_${suffix}`),
    ),
    functionName: fixedOr(fixed.functionName, resourceName(24)),
    triggerName: fixedOr(fixed.triggerName, resourceName(24)),
  });

/** One message: body, tag, keys, user properties and offset. */
export const rocketMqMessageDraws = (fixed: Partial<RocketMqEventParams>): fc.Arbitrary<Partial<RocketMqEventParams>> =>
  fc.record({
    body: fixedOr(fixed.body, opaqueText()),
    tags: fixedOr(fixed.tags, fc.oneof(fc.constant(''), resourceName(16))),
    keys: fixedOr(fixed.keys, fc.oneof(fc.constant(''), resourceName(24))),
    userProperties: fixedOr(fixed.userProperties, fc.dictionary(resourceName(12), asciiText(16), { maxKeys: 3, noNullPrototype: true })),
    offset: fixedOr(fixed.offset, fc.nat({ max: 1_000_000 })),
  });
