import { mnsEvent } from '../triggers/mns/arbitrary.js';
import { slsEvent } from '../triggers/sls/arbitrary.js';
import { timerEvent } from '../triggers/timer/arbitrary.js';
import { objectIn, stringIn } from '../io/json-values.js';
import type { ProjectTrigger } from './model.js';
import { sourceAccount, sourceProject, sourceTopic } from './source-arn.js';
import { allowedMethods, cdnFilter, ossFilter } from './trigger-filters.js';
import { cdnEvents, drawable, httpEvents, ossEvents, type TriggerEventOptions, type TriggerEvents } from './trigger-events.js';

export { deliveredBy } from './delivered-by.js';
export { rejectedEvents, type RejectedEvents } from './rejected-events.js';
export type { FcVersion, TriggerEventOptions, TriggerEvents } from './trigger-events.js';

/**
 * The events a trigger can deliver, drawn within its config: OSS event names and key filter, the timer's firings
 * and payload, the MNS format, the SLS job's functionParameter, the CDN event name and domains, the HTTP methods,
 * and the source (bucket, topic, project, region, account) wherever the config or sourceArn names it.
 *
 * Undefined for trigger types fc-sim has no generator for (tablestore, eventbridge, anything unknown). Throws when
 * the config leaves nothing to draw (no event name, method or domain FC knows; a cron FC refuses): lint says why.
 * A disabled trigger (`enable: false`) still gets the events it delivers once enabled.
 */
export function matchingEvents(trigger: ProjectTrigger, options: TriggerEventOptions): TriggerEvents | undefined {
  const { config } = trigger;
  switch (trigger.type) {
    case 'oss': {
      const filter = ossFilter(config);
      const eventNames = drawable(trigger, filter.eventNames, `no OSS event name in events (${filter.configured.join(', ')})`);
      return { arbitrary: ossEvents(trigger, options.fcVersion, { eventNames, keyPrefix: filter.prefix, keySuffix: filter.suffix }) };
    }
    case 'timer':
      return {
        // FC passes no payload as "" (what the FC console and local tools send).
        arbitrary: timerEvent({ cron: stringIn(config.cronExpression), payload: stringIn(config.payload) ?? '', triggerName: trigger.name }),
      };
    case 'mns_topic':
      // filterTag: MNS pushes only messages published with that tag, and the event does not carry the tag, so every
      // drawn message stands for a tagged one and nothing marks it; an untagged message never becomes an event.
      return {
        arbitrary: mnsEvent({
          // STREAM is FC's default.
          formats: [config.notifyContentFormat === 'JSON' ? 'JSON' : 'STREAM'],
          topic: sourceTopic(trigger),
          accountId: sourceAccount(trigger).accountId,
        }),
      };
    case 'log':
      return {
        arbitrary: slsEvent({
          region: sourceAccount(trigger).region,
          project: sourceProject(trigger),
          logstore: stringIn(objectIn(config.sourceConfig).logstore),
          // The event's parameter is the job's functionParameter, {} when none.
          parameter: objectIn(config.functionParameter),
        }),
      };
    case 'cdn_events': {
      const filter = cdnFilter(config);
      const eventNames = drawable(trigger, filter.eventNames, `eventName ${JSON.stringify(config.eventName)} is not a CDN event`);
      const domains = filter.domains && drawable(trigger, filter.domains, 'filter.domain names no domain');
      return { arbitrary: cdnEvents(trigger, eventNames, domains) };
    }
    case 'http':
      return httpEvents(drawable(trigger, allowedMethods(config), 'methods names no HTTP method'), options.fcVersion);
    default:
      return undefined;
  }
}
