import type fc from 'fast-check';
import type { Delivery } from '../triggers/delivery.js';
import { moduleOfApiType } from '../triggers/registry.js';
import type { FcVersion, TriggerEventOptions } from '../triggers/types.js';
import type { ProjectTrigger } from './model.js';

export type { FcVersion, TriggerEventOptions };

/** Events and how they reach the handler: an EventSource of the contract kit (`checkHandler`). */
export interface TriggerEvents {
  arbitrary: fc.Arbitrary<unknown>;
  /** HTTP triggers: the FC 3.0 event or the FC 2.0 `(request, response, context)` call. */
  http?: 'fc3' | 'fc2';
}

/** Events a trigger's filter turns away, and why, to show the function is not invoked for them. */
export interface RejectedEvents extends TriggerEvents {
  reason: string;
}

const HTTP_OF_DELIVERY: Readonly<Record<Delivery, TriggerEvents['http']>> = { event: undefined, 'fc3-http': 'fc3', 'fc2-http': 'fc2' };

function withHttp<T extends { arbitrary: fc.Arbitrary<unknown>; delivery: Delivery }>({ delivery, ...events }: T): Omit<T, 'delivery'> & TriggerEvents {
  const http = HTTP_OF_DELIVERY[delivery];
  return { ...events, ...(http ? { http } : {}) };
}

/**
 * The events a trigger can deliver, drawn within its config (the trigger module's filter: OSS event names and key
 * filter, the timer's firings and payload, the MNS format, the SLS job's functionParameter, the CDN event name and
 * domains, the HTTP methods, and the source wherever the config or sourceArn names it).
 *
 * Undefined for trigger types fc-sim has no module for (tablestore, eventbridge, anything unknown). Throws an
 * `E_CONFIG` FcSimError when the config leaves nothing to draw (no event name, method or domain FC knows): lint says
 * why. A disabled trigger (`enable: false`) still gets the events it delivers once enabled.
 */
export function matchingEvents(trigger: ProjectTrigger, options: TriggerEventOptions): TriggerEvents | undefined {
  const module = moduleOfApiType(trigger.type);
  return module && withHttp(module.project.matching(trigger, options));
}

/**
 * Events of the trigger's source that its filter turns away: OSS events of another name or with a key outside the
 * prefix or suffix, HTTP requests with a method not allowed, CDN events of another name or domain. Undefined when the
 * filter turns nothing away: timer and SLS triggers have no filter, and an MNS trigger's filterTag drops untagged
 * messages before they become events, so no event shows it.
 */
export function rejectedEvents(trigger: ProjectTrigger, options: TriggerEventOptions): RejectedEvents | undefined {
  const rejected = moduleOfApiType(trigger.type)?.project.rejected(trigger, options);
  return rejected && withHttp(rejected);
}

/**
 * Whether FC would hand this event to the function through this trigger, by the trigger's filter. Triggers without
 * a filter deliver whatever their source sends, and so does an MNS trigger with a filterTag: the tag selects messages
 * but is not in the event. The source itself (bucket, topic, project) is not compared: events are drawn from it, not
 * filtered by it.
 */
export function deliveredBy(trigger: ProjectTrigger, event: unknown): boolean {
  return moduleOfApiType(trigger.type)?.project.delivers(trigger, event) ?? true;
}
