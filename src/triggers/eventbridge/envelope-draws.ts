import fc from 'fast-check';
import { fixedOr } from '../../../generators/internal/params.js';
import { instant } from '../../../generators/internal/time.js';
import { accountId, regionId } from '../../../generators/internal/values.js';
import type { TimeInput } from '../_shared/common.js';
import type { EnvelopeParams } from './envelope.js';
import { CONTENT_TYPES } from './envelope.js';
import { matching } from '../../../generators/internal/matching.js';

/** Draws of the envelope parameters every source shares, each pinned when the caller fixes it. */
export function envelopeDraws(fixed: Partial<EnvelopeParams>): fc.Arbitrary<Omit<EnvelopeParams, 'batch'>> {
  return fc.record({
    region: fixedOr(fixed.region, regionId()),
    accountId: fixedOr(fixed.accountId, accountId()),
    time: fixedOr<TimeInput>(fixed.time, instant('millisecond')),
    contentType: fixedOr(fixed.contentType, fc.constantFrom(...CONTENT_TYPES)),
    publishAddress: fixedOr(fixed.publishAddress, fc.ipV4()),
  });
}

/** An ApsaraMQ-style resource name: a letter, then letters, digits, `-` and `_`. */
export const resourceName = (maxLength = 24) => matching(new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${maxLength - 1}}$`));
