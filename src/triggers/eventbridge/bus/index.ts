import { OSS_EVENT_NAMES } from '../../oss/filter.js';
import type { OssEventName } from '../../oss/build.js';
import { jsonObject, wholeNumber } from '../../_shared/flags.js';
import type { EventPattern } from '../pattern.js';
import { satisfies } from '../pattern.js';
import { everywhere, sourceModule } from '../source-module.js';
import { busMessageDraws, busSourceDraws } from './arbitrary.js';
import type { EventBridgeBusEventParams } from './build.js';
import { eventBridgeBusEventAt, eventBridgeBusEventDefaults } from './build.js';

/** The types the other EventBridge sources' events have: an event of the default bus is any other CloudEvent. */
const SOURCE_TYPES = new Set(['mns:Queue:SendMessage', 'mq:Topic:SendMessage', 'amqp:Queue:SendMessage', 'alikafka:Topic:Message', 'dts:ConsumeMessage']);

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
export const eventbridge = sourceModule({
  id: 'eventbridge',
  sourceType: 'Default',
  modes: 'event-driven',
  regionPointers: everywhere('/aliyunregionid', '/subject'),
  defaults: eventBridgeBusEventDefaults,
  kinds: [
    {
      name: 'eventbridge:oss',
      fixed: { kind: 'oss' },
      description: 'an OSS object event through EventBridge (source acs.oss, type oss:ObjectCreated:PutObject…): data is one native OSS record',
    },
    {
      name: 'eventbridge:custom',
      fixed: { kind: 'custom' },
      description: 'a custom event on an EventBridge bus: --source, --type and --data (JSON) are yours',
    },
  ],
  flags: [
    { flags: '--source <source>', description: 'custom event: its source', param: 'source', pointers: ['/source'] },
    { flags: '--type <type>', description: 'custom event: its type', param: 'type', pointers: ['/type'] },
    { flags: '--data <json>', description: 'custom event: its data, a JSON object', param: 'data', parse: jsonObject('--data'), pointers: ['/data'] },
    { flags: '--subject <subject>', description: 'custom event: its subject', param: 'subject', pointers: ['/subject'] },
    {
      flags: '--event-name <name>',
      description: 'OSS event: the OSS event name, e.g. ObjectCreated:CopyObject',
      param: 'eventName',
      pointers: ['/type', '/data/eventName'],
    },
    { flags: '--bucket <name>', description: 'OSS event: bucket name', param: 'bucket', pointers: ['/data/oss/bucket', '/subject'] },
    { flags: '--key <key>', description: 'OSS event: object key', param: 'key', pointers: ['/data/oss/object/key', '/subject'] },
    {
      flags: '--size <bytes>',
      description: 'OSS event: object size in bytes',
      param: 'size',
      parse: wholeNumber('--size'),
      pointers: ['/data/oss/object/size'],
    },
  ],
  one: eventBridgeBusEventAt,
  sourceDraws: busSourceDraws,
  messageDraws: busMessageDraws,
  ownsEvent: (event) => typeof event.type === 'string' && !SOURCE_TYPES.has(event.type),
  fromConfig: () => ({ params: {}, pinned: ['specversion'] }),
  patternParams: picked,
  describe: () => 'default bus',
});
