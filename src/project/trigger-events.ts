import fc from 'fast-check';
import type { CdnEventName } from '../triggers/cdn/build.js';
import type { HttpMethod } from '../triggers/http/build.js';
import { prepareSource } from '../testing/triggers.js';
import type { CdnEvent, OssEvent } from '../types/generated.js';
import { cdnEvent } from '../triggers/cdn/arbitrary.js';
import { ossEvent, type OssEventConstraints } from '../triggers/oss/arbitrary.js';
import type { ProjectTrigger } from './model.js';
import { sourceAccount, sourceBucket } from './source-arn.js';

/**
 * The events of one trigger's source, narrowed as the caller says: shared by the events a trigger delivers and the
 * ones its filter rejects, which differ only in the names, keys, methods or domains drawn.
 */

/** Events and how they reach the handler: an EventSource of the contract kit (`checkHandler`). */
export interface TriggerEvents {
  arbitrary: fc.Arbitrary<unknown>;
  /** HTTP triggers: the FC 3.0 event or the FC 2.0 `(request, response, context)` call. */
  http?: 'fc3' | 'fc2';
}

export type FcVersion = 2 | 3;

export interface TriggerEventOptions {
  /** FC 3.0 or 2.0: the HTTP handler style, and whether OSS events carry the FC 2.0-era `virtualBucket`. */
  fcVersion: FcVersion;
}

/** A config that lets nothing through leaves nothing to draw: say which part of it (lint says how to fix it). */
export function drawable<T>(trigger: ProjectTrigger, items: readonly T[], what: string): readonly T[] {
  if (items.length === 0) throw new RangeError(`trigger "${trigger.name}" (${trigger.type}) lets no event through: ${what}`);
  return items;
}

/** OSS events from the trigger's bucket (and the sourceArn's region and account when it names them). */
export function ossEvents(
  trigger: ProjectTrigger,
  fcVersion: FcVersion,
  narrowing: Pick<OssEventConstraints, 'eventNames' | 'keyPrefix' | 'keySuffix'>,
): fc.Arbitrary<OssEvent> {
  return ossEvent({ ...sourceAccount(trigger), bucket: sourceBucket(trigger), fcVersion, ...narrowing });
}

/** CDN events of these names on one of these domains (any domain when undefined). */
export function cdnEvents(trigger: ProjectTrigger, eventNames: readonly CdnEventName[], domains: readonly string[] | undefined): fc.Arbitrary<CdnEvent> {
  // The region is left to the generator: CDN is global and its ARN says `*`; every event says cn-hangzhou.
  const constraints = { accountId: sourceAccount(trigger).accountId, eventNames };
  if (domains === undefined) return cdnEvent(constraints);
  return fc.oneof(...domains.map((domain) => cdnEvent({ ...constraints, domain })));
}

/** FC 3.0 HTTP events, or FC 2.0 requests with their body bytes, as the contract kit feeds them. */
export function httpEvents(methods: readonly HttpMethod[], fcVersion: FcVersion): Required<TriggerEvents> {
  const http = fcVersion === 3 ? 'fc3' : 'fc2';
  return { arbitrary: prepareSource({ trigger: http === 'fc3' ? 'http' : 'fc2-http', constraints: { methods } }).arbitrary, http };
}
