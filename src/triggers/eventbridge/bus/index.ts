import { OSS_EVENT_NAMES } from '../../oss/filter.js';
import type { OssEventName } from '../../oss/build.js';
import type { EventPattern } from '../pattern.js';
import { satisfies } from '../pattern.js';
import { busMessageDraws, busSourceDraws } from './arbitrary.js';
import type { EventBridgeBusEventParams } from './build.js';
import { sourceModule } from '../source-module.js';
import { eventbridgeSpec } from './basics.js';

/** The values a pattern's leaf at `path` lists as they are (`"source": ["acs.oss"]`). */
const listed = (pattern: EventPattern, path: string) =>
  pattern.leaves
    .filter((leaf) => leaf.path.join('.') === path)
    .flatMap((leaf) => leaf.conditions.flatMap((condition) => (condition.op === 'equals' && typeof condition.value === 'string' ? [condition.value] : [])));

/** Whether the pattern's leaf at `path` (if any) lets `value` through. */
const admits = (pattern: EventPattern, path: string, value: string) =>
  pattern.leaves
    .filter((leaf) => leaf.path.join('.') === path)
    .every((leaf) => leaf.conditions.some((condition) => condition.op !== 'exists' && satisfies(value, condition)));

/**
 * What kind of event a default-bus pattern asks for: an OSS object event of the types it lists (`oss:` + a native
 * OSS event name, from `acs.oss`), or a custom event with the source and type it lists; otherwise either.
 */
function picked(pattern: EventPattern): Partial<EventBridgeBusEventParams>[] {
  const types = listed(pattern, 'type');
  const sources = listed(pattern, 'source');
  const fromOss = admits(pattern, 'source', 'acs.oss');
  const choices: Partial<EventBridgeBusEventParams>[] = types.map((type) => {
    const name = type.slice('oss:'.length) as OssEventName;
    if (fromOss && type.startsWith('oss:') && OSS_EVENT_NAMES.includes(name)) return { kind: 'oss', eventName: name };
    return { kind: 'custom', type, ...(sources[0] ? { source: sources[0] } : {}) };
  });
  if (choices.length === 0)
    choices.push(...sources.map((source): Partial<EventBridgeBusEventParams> => (source === 'acs.oss' ? { kind: 'oss' } : { kind: 'custom', source })));
  return choices;
}

/**
 * EventBridge trigger on the default bus (source type `Default`): Alibaba Cloud service events such as OSS object
 * events (one native OSS record as `data`), and custom events, chosen by the rule's pattern.
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig
 */
export const eventbridge = sourceModule(eventbridgeSpec, {
  sourceDraws: busSourceDraws,
  messageDraws: busMessageDraws,
  fromConfig: () => ({ params: {}, pinned: ['specversion'] }),
  patternParams: picked,
  describe: () => 'default bus',
});
