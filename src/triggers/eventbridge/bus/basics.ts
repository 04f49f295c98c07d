import { jsonObject, wholeNumber } from '../../_shared/flags.js';
import { eventBridgeBusEventAt, eventBridgeBusEventDefaults } from './build.js';
import type { EventBridgeBusEvent, EventBridgeBusEventParams } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/** The types the other EventBridge sources' events have: an event of the default bus is any other CloudEvent. */
const SOURCE_TYPES = new Set(['mns:Queue:SendMessage', 'mq:Topic:SendMessage', 'amqp:Queue:SendMessage', 'alikafka:Topic:Message', 'dts:ConsumeMessage']);

/**
 * EventBridge trigger on the default bus (source type `Default`): Alibaba Cloud service events such as OSS object
 * events (one native OSS record as `data`), and custom events, chosen by the rule's pattern.
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig
 */
export const eventbridgeSpec: SourceSpec<'eventbridge', EventBridgeBusEventParams, EventBridgeBusEvent> = {
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
  ownsEvent: (event) => typeof event.type === 'string' && !SOURCE_TYPES.has(event.type),
};

export const eventbridgeBasics = sourceBasics(eventbridgeSpec);
