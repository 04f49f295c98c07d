import fc from 'fast-check';
import { fixedOr } from '../../../../generators/internal/params.js';
import { ossEvent } from '../../oss/arbitrary.js';
import { resourceName } from '../envelope-draws.js';
import type { EventBridgeBusEventParams } from './build.js';

/** A custom source (`my.app`) and a type in EventBridge's `<product>:<resource>:<action>` form. */
const customSource = fc.tuple(resourceName(12), resourceName(12)).map(([a, b]) => `${a}.${b}`.toLowerCase());
const customType = fc.tuple(resourceName(12), resourceName(12), resourceName(12)).map((parts) => parts.join(':'));

/** Nothing is shared between events of the default bus: each is delivered alone. */
export const busSourceDraws = (): fc.Arbitrary<Partial<EventBridgeBusEventParams>> => fc.constant({});

/** An OSS object event (the record drawn by the OSS generator: URL-encoded keys, objectMeta…) or a custom event. */
export function busMessageDraws(fixed: Partial<EventBridgeBusEventParams>): fc.Arbitrary<Partial<EventBridgeBusEventParams>> {
  const oss = ossEvent({
    ...(fixed.eventName ? { eventName: fixed.eventName } : {}),
    ...(fixed.bucket ? { bucket: fixed.bucket } : {}),
    ...(fixed.key ? { key: fixed.key } : {}),
    ...(fixed.region ? { region: fixed.region } : {}),
    ...(fixed.accountId ? { accountId: fixed.accountId } : {}),
  }).map((event) => ({ kind: 'oss' as const, record: event.events[0] }));
  const custom = fc.record({
    kind: fc.constant('custom' as const),
    source: fixedOr(fixed.source, customSource),
    type: fixedOr(fixed.type, customType),
    data: fixedOr(fixed.data, fc.jsonValue({ maxDepth: 2 })),
  });
  const kind = fixed.kind ?? (fixed.record || fixed.eventName ? 'oss' : fixed.source || fixed.type ? 'custom' : undefined);
  return kind === 'oss' ? oss : kind === 'custom' ? custom : fc.oneof(oss, custom);
}
