import fc from 'fast-check';
import { objectIn, stringIn } from '../../io/json-values.js';
import type { ProjectTrigger } from '../../project/model.js';
import { sourceAccount } from '../../project/source-arn.js';
import type { CdnEvent } from '../../types/generated.js';
import { anyOf, drawable, recordsOf } from '../_shared/project-events.js';
import type { RejectedEvents, TriggerProjectRules } from '../types.js';
import { cdnEvent } from './arbitrary.js';
import type { CdnEventName } from './build.js';
import { cdnFilter, CDN_EVENT_NAMES, domainPasses } from './filter.js';

/** CDN events of these names on one of these domains (any domain when undefined). */
function cdnEvents(trigger: ProjectTrigger, eventNames: readonly CdnEventName[], domains: readonly string[] | undefined): fc.Arbitrary<CdnEvent> {
  // The region is left to the generator: CDN is global and its ARN says `*`; every event says cn-hangzhou.
  const constraints = { accountId: sourceAccount(trigger).accountId, eventNames };
  if (domains === undefined) return cdnEvent(constraints);
  return fc.oneof(...domains.map((domain) => cdnEvent({ ...constraints, domain })));
}

const domainOf = (event: CdnEvent) => event.events[0].resource.domain;

function rejectedCdnEvents(trigger: ProjectTrigger): RejectedEvents[] {
  const filter = cdnFilter(trigger.config);
  const rejections: RejectedEvents[] = [];
  const otherNames = CDN_EVENT_NAMES.filter((name) => !filter.eventNames.includes(name));
  // With an empty domain list no domain passes, and every event is already one of another domain.
  if (filter.domains?.length !== 0) {
    rejections.push({
      arbitrary: cdnEvents(trigger, otherNames, filter.domains),
      delivery: 'event',
      reason: `an event name other than ${JSON.stringify(trigger.config.eventName)}`,
    });
  }
  if (filter.domains !== undefined && filter.eventNames.length > 0) {
    rejections.push({
      arbitrary: cdnEvents(trigger, filter.eventNames, undefined).filter((event) => !domainPasses(filter, domainOf(event))),
      delivery: 'event',
      reason: `a domain not in filter.domain (${filter.domains.join(', ')})`,
    });
  }
  return rejections;
}

export const cdnProject: TriggerProjectRules = {
  matching(trigger) {
    const filter = cdnFilter(trigger.config);
    const eventNames = drawable(trigger, filter.eventNames, `eventName ${JSON.stringify(trigger.config.eventName)} is not a CDN event`);
    const domains = filter.domains && drawable(trigger, filter.domains, 'filter.domain names no domain');
    return { arbitrary: cdnEvents(trigger, eventNames, domains), delivery: 'event' };
  },
  rejected: (trigger) => anyOf(rejectedCdnEvents(trigger)),
  delivers(trigger, event) {
    const filter = cdnFilter(trigger.config);
    const records = recordsOf(event);
    return (
      records.length > 0 &&
      records.every((record) => {
        const domain = stringIn(objectIn(record.resource).domain);
        return filter.eventNames.some((name) => name === record.eventName) && domain !== undefined && domainPasses(filter, domain);
      })
    );
  },
  describe: (config) => String(config.eventName ?? ''),
};
