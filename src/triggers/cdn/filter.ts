import type { Json } from '../../io/json-values.js';
import { objectIn, stringsIn } from '../../io/json-values.js';
import { holdsUnresolved } from '../../project/source-arn.js';
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
  /**
   * `filter.domain`, lower-case (host names are case-insensitive); undefined lets every domain through, as does a
   * list with a domain left as written (`{{ cdnDomain }}`, which s init fills; the loader warns of it): which domain
   * it will be is not known here, and CDN never sends one named so.
   */
  domains: string[] | undefined;
}

export function cdnFilter(config: Json): CdnFilter {
  const filter = objectIn(config.filter);
  const domains = filter.domain === undefined ? undefined : stringsIn(filter.domain);
  return {
    eventNames: CDN_EVENT_NAMES.filter((name) => name === config.eventName),
    domains: domains === undefined || domains.some(holdsUnresolved) ? undefined : domains.map((domain) => domain.toLowerCase()),
  };
}

export function domainPasses(filter: CdnFilter, domain: string): boolean {
  return filter.domains === undefined || filter.domains.includes(domain.toLowerCase());
}
