import fc from 'fast-check';
import type { CdnEvent, OssEvent } from '../types/generated.js';
import type { ProjectTrigger } from './model.js';
import { allowedMethods, cdnFilter, CDN_EVENT_NAMES, domainPasses, HTTP_METHODS, keyPasses, ossFilter, OSS_EVENT_NAMES } from './trigger-filters.js';
import { cdnEvents, httpEvents, ossEvents, type FcVersion, type TriggerEventOptions, type TriggerEvents } from './trigger-events.js';

/** Events a trigger's filter turns away, and why, to show the function is not invoked for them. */
export interface RejectedEvents extends TriggerEvents {
  reason: string;
}

/**
 * Events of the trigger's source that its filter turns away: OSS events of another name or with a key outside the
 * prefix or suffix, HTTP requests with a method not allowed, CDN events of another name or domain. Undefined when the
 * filter turns nothing away: timer and SLS triggers have no filter, and an MNS trigger's filterTag drops untagged
 * messages before they become events, so no event shows it (see matchingEvents).
 */
export function rejectedEvents(trigger: ProjectTrigger, options: TriggerEventOptions): RejectedEvents | undefined {
  switch (trigger.type) {
    case 'oss':
      return anyOf(rejectedOssEvents(trigger, options.fcVersion));
    case 'cdn_events':
      return anyOf(rejectedCdnEvents(trigger));
    case 'http': {
      const allowed = allowedMethods(trigger.config);
      const others = HTTP_METHODS.filter((method) => !allowed.includes(method));
      if (others.length === 0) return undefined;
      return { ...httpEvents(others, options.fcVersion), reason: `a method it does not allow (${others.join(', ')})` };
    }
    default:
      return undefined;
  }
}

/** One source of every way the filter rejects, the reasons joined. */
function anyOf(rejections: RejectedEvents[]): RejectedEvents | undefined {
  if (rejections.length === 0) return undefined;
  return { arbitrary: fc.oneof(...rejections.map((rejection) => rejection.arbitrary)), reason: rejections.map((rejection) => rejection.reason).join('; ') };
}

/**
 * What drawn keys start (prefix) or end (suffix) with instead: near misses of the filter's text (one character
 * short: `source` for `source/`; the other letter case: `.PNG` for `.png`), and "" for any key at all.
 */
function nearMisses(text: string, keep: 'start' | 'end'): string[] {
  const shorter = keep === 'start' ? text.slice(0, -1) : text.slice(1);
  const otherCase = text === text.toLowerCase() ? text.toUpperCase() : text.toLowerCase();
  return [...new Set([shorter, otherCase, ''])].filter((candidate) => candidate !== text);
}

function rejectedOssEvents(trigger: ProjectTrigger, fcVersion: FcVersion): RejectedEvents[] {
  const filter = ossFilter(trigger.config);
  const { eventNames, prefix, suffix } = filter;
  const rejections: RejectedEvents[] = [];
  const otherNames = OSS_EVENT_NAMES.filter((name) => !eventNames.includes(name));
  if (otherNames.length > 0) {
    rejections.push({
      arbitrary: ossEvents(trigger, fcVersion, { eventNames: otherNames, keyPrefix: prefix, keySuffix: suffix }),
      reason: `an event name it does not subscribe to (events: ${filter.configured.join(', ')})`,
    });
  }
  if (eventNames.length === 0) return rejections;
  // The few keys that pass the filter all the same (a body that starts with the missing "/") are dropped.
  const outside = (narrowings: { keyPrefix: string; keySuffix: string }[]) =>
    fc.oneof(...narrowings.map((narrowing) => ossEvents(trigger, fcVersion, { eventNames, ...narrowing }))).filter((event) => !keyPasses(filter, keyOf(event)));
  if (prefix !== '') {
    rejections.push({
      arbitrary: outside(nearMisses(prefix, 'start').map((keyPrefix) => ({ keyPrefix, keySuffix: suffix }))),
      reason: `a key outside the prefix ${JSON.stringify(prefix)}`,
    });
  }
  if (suffix !== '') {
    rejections.push({
      arbitrary: outside(nearMisses(suffix, 'end').map((keySuffix) => ({ keyPrefix: prefix, keySuffix }))),
      reason: `a key outside the suffix ${JSON.stringify(suffix)}`,
    });
  }
  return rejections;
}

/** Generated events have one record. */
const keyOf = (event: OssEvent) => event.events[0].oss.object.key;

function rejectedCdnEvents(trigger: ProjectTrigger): RejectedEvents[] {
  const filter = cdnFilter(trigger.config);
  const rejections: RejectedEvents[] = [];
  const otherNames = CDN_EVENT_NAMES.filter((name) => !filter.eventNames.includes(name));
  // With an empty domain list no domain passes, and every event is already one of another domain.
  if (filter.domains?.length !== 0) {
    rejections.push({ arbitrary: cdnEvents(trigger, otherNames, filter.domains), reason: `an event name other than ${JSON.stringify(trigger.config.eventName)}` });
  }
  if (filter.domains !== undefined && filter.eventNames.length > 0) {
    rejections.push({
      arbitrary: cdnEvents(trigger, filter.eventNames, undefined).filter((event) => !domainPasses(filter, domainOf(event))),
      reason: `a domain not in filter.domain (${filter.domains.join(', ')})`,
    });
  }
  return rejections;
}

const domainOf = (event: CdnEvent) => event.events[0].resource.domain;
