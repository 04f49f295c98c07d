import type { Json } from '../../io/json-values.js';
import { objectIn, stringsIn } from '../../io/json-values.js';
import { namesOf } from '../_shared/names.js';
import type { CdnEventName } from './build.js';

export const CDN_EVENT_NAMES = namesOf<CdnEventName>({
  LogFileCreated: true,
  CachedObjectsRefreshed: true,
  CachedObjectsPushed: true,
  CachedObjectsBlocked: true,
  CdnDomainStarted: true,
  CdnDomainStopped: true,
  CdnDomainAdded: true,
  CdnDomainDeleted: true,
});

export interface CdnFilter {
  /** The configured eventName when FC knows it: a CDN trigger subscribes to exactly one. */
  eventNames: CdnEventName[];
  /** `filter.domain`, lower-case (host names are case-insensitive); undefined lets every domain through. */
  domains: string[] | undefined;
}

export function cdnFilter(config: Json): CdnFilter {
  const filter = objectIn(config.filter);
  return {
    eventNames: CDN_EVENT_NAMES.filter((name) => name === config.eventName),
    domains: filter.domain === undefined ? undefined : stringsIn(filter.domain).map((domain) => domain.toLowerCase()),
  };
}

export function domainPasses(filter: CdnFilter, domain: string): boolean {
  return filter.domains === undefined || filter.domains.includes(domain.toLowerCase());
}
