import { isJsonObject, objectIn, stringIn } from '../io/json-values.js';
import type { ProjectTrigger } from './model.js';
import { allowedMethods, cdnFilter, domainPasses, keyPasses, ossFilter } from './trigger-filters.js';

/** The records of an OSS or CDN event (`{events: [...]}`); none when the value has another shape. */
function recordsOf(event: unknown): Record<string, unknown>[] {
  const records = objectIn(event).events;
  return Array.isArray(records) && records.length > 0 && records.every(isJsonObject) ? records : [];
}

/** An FC 3.0 event (`requestContext.http.method`), an FC 2.0 request, or `{request, body}` as the contract kit feeds it. */
function httpMethodOf(event: unknown): string | undefined {
  const value = objectIn(event);
  return stringIn(objectIn(objectIn(value.requestContext).http).method) ?? stringIn(objectIn(value.request).method) ?? stringIn(value.method);
}

/**
 * Whether FC would hand this event to the function through this trigger, by the trigger's filter: OSS event names
 * and key prefix/suffix, HTTP methods, CDN event name and domain. Triggers without a filter deliver whatever their
 * source sends, and so does an MNS trigger with a filterTag: the tag selects messages but is not in the event. The
 * source itself (bucket, topic, project) is not compared: events are drawn from it, not filtered by it.
 */
export function deliveredBy(trigger: ProjectTrigger, event: unknown): boolean {
  switch (trigger.type) {
    case 'oss': {
      const filter = ossFilter(trigger.config);
      const records = recordsOf(event);
      return (
        records.length > 0 &&
        records.every((record) => {
          const key = stringIn(objectIn(objectIn(record.oss).object).key);
          return filter.eventNames.some((name) => name === record.eventName) && key !== undefined && keyPasses(filter, key);
        })
      );
    }
    case 'cdn_events': {
      const filter = cdnFilter(trigger.config);
      const records = recordsOf(event);
      return (
        records.length > 0 &&
        records.every((record) => {
          const domain = stringIn(objectIn(record.resource).domain);
          return filter.eventNames.some((name) => name === record.eventName) && domain !== undefined && domainPasses(filter, domain);
        })
      );
    }
    case 'http': {
      const method = httpMethodOf(event);
      return allowedMethods(trigger.config).some((allowed) => allowed === method);
    }
    default:
      return true;
  }
}
