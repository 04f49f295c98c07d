import { moduleOfTrigger, unknownSourceOf } from '../triggers/modules.js';
import type { FcVersion, RejectedEvents, TriggerEventOptions, TriggerEvents } from '../triggers/types.js';
import type { TriggerConfigError } from '../errors.js';
import type { ProjectTrigger } from './model.js';

export type { FcVersion, RejectedEvents, TriggerEventOptions, TriggerEvents };

/**
 * The events a trigger can deliver, drawn within its config (the trigger module's filter: OSS event names and key
 * filter, the timer's firings and payload, the MNS format, the SLS job's functionParameter, the CDN event name and
 * domains, the HTTP methods, and the source wherever the config or sourceArn names it).
 *
 * Undefined for trigger types fc-sim has no module for (rds, datahub, anything unknown). Throws an `E_CONFIG`
 * FcSimError when the config leaves nothing to draw (no event name, method or domain FC knows): lint says why; a
 * {@link TriggerConfigError} when fc-sim cannot read it (an EventBridge source no module has, a filter pattern that
 * is not JSON). A disabled trigger (`enable: false`) still gets the events it delivers once enabled.
 *
 * @example
 * ```ts
 * const trigger = loadProject('.').functions[0]!.triggers[0]!;
 * const matching = matchingEvents(trigger, { fcVersion: 3 });
 * if (matching) await checkHandler({ handler: 'index.handler', arbitrary: matching.arbitrary, delivery: matching.delivery, runs: 200 });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput
 * @see README.md#your-project-ls-lint-test-serve
 */
export function matchingEvents(trigger: ProjectTrigger, options: TriggerEventOptions): TriggerEvents | undefined {
  const unknownSource = unknownSourceOf(trigger);
  if (unknownSource) throw unknownSource;
  const module = moduleOfTrigger(trigger);
  return module?.project.matching(trigger, options);
}

/**
 * Events of the trigger's source that its filter turns away: OSS events of another name or with a key outside the
 * prefix or suffix, HTTP requests with a method not allowed, CDN events of another name or domain. Undefined when the
 * filter turns nothing away: timer and SLS triggers have no filter, and an MNS trigger's filterTag drops untagged
 * messages before they become events, so no event shows it.
 *
 * @example
 * ```ts
 * const trigger = loadProject('.').functions[0]!.triggers[0]!;
 * const rejected = rejectedEvents(trigger, { fcVersion: 3 });
 * if (rejected) console.log(`not delivered: ${rejected.reason}`, fc.sample(rejected.arbitrary, 3));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput
 * @see README.md#your-project-ls-lint-test-serve
 */
export function rejectedEvents(trigger: ProjectTrigger, options: TriggerEventOptions): RejectedEvents | undefined {
  return moduleOfTrigger(trigger)?.project.rejected(trigger, options);
}

/**
 * Whether FC would hand this event to the function through this trigger, by the trigger's filter. Triggers without
 * a filter deliver whatever their source sends, and so does an MNS trigger with a filterTag: the tag selects messages
 * but is not in the event. The source itself (bucket, topic, project) is not compared: events are drawn from it, not
 * filtered by it.
 *
 * @example
 * ```ts
 * const trigger = loadProject('.').functions[0]!.triggers[0]!;
 * deliveredBy(trigger, buildOssEvent({ key: 'uploads/a.png' })); // false when the trigger's prefix is not uploads/
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput
 * @see README.md#your-project-ls-lint-test-serve
 */
export function deliveredBy(trigger: ProjectTrigger, event: unknown): boolean {
  return moduleOfTrigger(trigger)?.project.delivers(trigger, event) ?? true;
}
