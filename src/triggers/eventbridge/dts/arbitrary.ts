import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { multiByteText } from '../../../../generators/internal/text.js';
import { resourceName } from '../envelope-draws.js';
import type { DtsEventParams, DtsOperation } from './build.js';
import { matching } from '../../../../generators/internal/matching.js';

const identifier = matching(/^[a-z][a-z0-9_]{0,15}$/);

export const dtsSourceDraws = (fixed: Partial<DtsEventParams>): fc.Arbitrary<Partial<DtsEventParams>> =>
  fc.record({
    database: fixedOr(fixed.database, identifier),
    table: fixedOr(fixed.table, identifier),
    topic: fixedOr(fixed.topic, matching(/^cn_[a-z]+_rm_[a-z0-9]{12}_[a-z0-9_]{1,12}_version2$/)),
    taskId: fixedOr(fixed.taskId, matching(/^[a-z0-9]{14}$/)),
    sid: fixedOr(fixed.sid, matching(/^dts[a-z0-9]{9}$/)),
    streamName: fixedOr(fixed.streamName, resourceName(24)),
  });

/** One change: an operation on a row whose first column is an integer key, the rest numbers or text (multi-byte too). */
export const dtsMessageDraws = (fixed: Partial<DtsEventParams>): fc.Arbitrary<Partial<DtsEventParams>> =>
  fc.record({
    operation: fixedOr(fixed.operation, fc.constantFrom<DtsOperation>('INSERT', 'UPDATE', 'DELETE')),
    row: fixedOr(
      fixed.row,
      fc
        .tuple(
          fc.nat(),
          fc.dictionary(
            identifier.filter((name) => name !== 'id'),
            fc.oneof(fc.integer(), multiByteText(12)),
            { maxKeys: 4, noNullPrototype: true },
          ),
        )
        .map(([id, columns]) => ({ id, ...columns })),
    ),
    recordId: fixedOr(fixed.recordId, fc.nat({ max: 1_000_000 })),
    offset: fixedOr(fixed.offset, fc.nat({ max: 100_000_000 })),
  });
