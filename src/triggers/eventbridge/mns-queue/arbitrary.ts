import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { opaqueText } from '../../../../generators/internal/text.js';
import { resourceName } from '../envelope-draws.js';
import type { MnsQueueEventParams } from './build.js';

/** What the events of one MNS queue trigger share. */
export const mnsQueueSourceDraws = (fixed: Partial<MnsQueueEventParams>): fc.Arbitrary<Partial<MnsQueueEventParams>> =>
  fc.record({
    queue: fixedOr(fixed.queue, resourceName(32)),
    base64Decode: fixedOr(fixed.base64Decode, fc.boolean()),
    functionName: fixedOr(fixed.functionName, resourceName(24)),
    triggerName: fixedOr(fixed.triggerName, resourceName(24)),
  });

/** One message: text, JSON, multi-byte or empty (MNS takes any text). */
export const mnsQueueMessageDraws = (fixed: Partial<MnsQueueEventParams>): fc.Arbitrary<Partial<MnsQueueEventParams>> =>
  fc.record({ message: fixedOr(fixed.message, opaqueText()) });
