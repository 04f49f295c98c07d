import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TriggerEvents } from '../../src/project/matching-events.js';
import { deliveredBy, matchingEvents, rejectedEvents } from '../../src/project/matching-events.js';
import type { ProjectTrigger } from '../../src/project/model.js';
import type { SchemaName } from '../../src/schema/catalog.js';
import { validate } from '../../src/schema/validate.js';
import { parseTimerExpression } from '../../src/timer/expression.js';
import { timerSchedule } from '../../src/timer/schedule.js';
import { TimerExpressionError } from '../../src/timer/timer-expression-error.js';
import type { CdnEvent, Fc2HttpRequest, HttpTriggerEvent, MnsTopicJsonEvent, OssEvent, SlsEvent, TimerEvent } from '../../src/types/generated.js';

const ACCOUNT = '1234567890123456';
const SAMPLES = 150;

/** A trigger as the loaders hand it over: the FC API type and config shape. */
function trigger(name: string, type: string, config: Record<string, unknown>, sourceArn?: string): ProjectTrigger {
  return { name, type, config, ...(sourceArn === undefined ? {} : { sourceArn }), location: { file: 's.yaml', path: `triggers.${name}` } };
}

function sample<T>(events: TriggerEvents | undefined): T[] {
  if (events === undefined) throw new Error('expected events');
  return fc.sample(events.arbitrary, { numRuns: SAMPLES }) as T[];
}

function expectValid(schema: SchemaName, value: unknown): void {
  const result = validate(schema, value);
  expect(result.issues, JSON.stringify(value)).toEqual([]);
}

/** Every sample is valid against its schema (when it has one) and delivered by the trigger. */
function expectMatching<T>(on: ProjectTrigger, events: T[], schema: SchemaName | ((event: T) => SchemaName | undefined)): void {
  for (const event of events) {
    const name = typeof schema === 'function' ? schema(event) : schema;
    if (name !== undefined) expectValid(name, event);
    expect(deliveredBy(on, event), JSON.stringify(event)).toBe(true);
  }
}

function expectRejected(on: ProjectTrigger, options: { fcVersion: 2 | 3 }): unknown[] {
  const rejected = rejectedEvents(on, options);
  const events = sample<unknown>(rejected);
  for (const event of events) expect(deliveredBy(on, event), JSON.stringify(event)).toBe(false);
  return events;
}

const decoded = (key: string) => {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
};
/** A key passes when it or its URL-decoded form does: events carry either. */
const keyIn = (key: string, prefix: string, suffix: string) => [key, decoded(key)].some((name) => name.startsWith(prefix) && name.endsWith(suffix));

const OBJECT_CREATED = [
  'ObjectCreated:PutObject',
  'ObjectCreated:PostObject',
  'ObjectCreated:CopyObject',
  'ObjectCreated:PutSymlink',
  'ObjectCreated:AppendObject',
  'ObjectCreated:InitiateMultipartUpload',
  'ObjectCreated:UploadPart',
  'ObjectCreated:UploadPartCopy',
  'ObjectCreated:CompleteMultipartUpload',
];

describe('OSS triggers', () => {
  const events = ['oss:ObjectCreated:*', 'oss:ObjectRemoved:DeleteObject'];
  const fc3 = trigger('ossTrigger1', 'oss', { events, filter: { key: { prefix: 'source/', suffix: '.png' } } }, `acs:oss:cn-shanghai:${ACCOUNT}:my-bucket`);
  // fc 2.x names the bucket in the config and spells the filter Key.Prefix; Fun passes its Filter through the same way.
  const fc2 = trigger('ossTrigger', 'oss', { bucketName: 'fassdemo', events, filter: { Key: { Prefix: 'source/', Suffix: '.png' } } });
  const fun = trigger(
    'oss-trigger-name',
    'oss',
    { events: ['oss:ObjectCreated:PutObject'], filter: { Key: { Prefix: 'my photos/', Suffix: '.JPG' } } },
    `acs:oss:cn-hangzhou:${ACCOUNT}:coco-superme`,
  );

  it.each([
    ['fc3', fc3, 3, 'my-bucket', 'source/', '.png'],
    ['fc 2.x', fc2, 2, 'fassdemo', 'source/', '.png'],
    ['Fun', fun, 2, 'coco-superme', 'my photos/', '.JPG'],
  ] as const)('%s: events of the configured names, bucket and key filter', (_, on, fcVersion, bucket, prefix, suffix) => {
    const drawn = sample<OssEvent>(matchingEvents(on, { fcVersion }));
    expectMatching(on, drawn, 'oss');
    const names = new Set<string>();
    for (const {
      events: [record],
    } of drawn) {
      names.add(record.eventName);
      expect(record.oss.bucket.name).toBe(bucket);
      expect(keyIn(record.oss.object.key, prefix, suffix)).toBe(true);
      if (on.sourceArn) expect(record.oss.bucket.arn).toBe(on.sourceArn);
      expect('virtualBucket' in record.oss.bucket).toBe(fcVersion === 2);
    }
    // The wildcard stands for every ObjectCreated name the native trigger delivers, and for nothing else.
    const expected = on === fun ? ['ObjectCreated:PutObject'] : [...OBJECT_CREATED, 'ObjectRemoved:DeleteObject'];
    expect([...names].sort()).toEqual([...expected].sort());
  });

  it('draws keys raw and URL-encoded, both inside the filter', () => {
    const keys = sample<OssEvent>(matchingEvents(fun, { fcVersion: 3 })).map((event) => event.events[0].oss.object.key);
    expect(keys.some((key) => key.startsWith('my photos/'))).toBe(true);
    expect(keys.some((key) => key.startsWith('my%20photos/'))).toBe(true);
  });

  it('rejects other event names and keys outside the prefix or suffix, and none of them is delivered', () => {
    const rejected = expectRejected(fc3, { fcVersion: 3 }) as OssEvent[];
    for (const event of rejected) expectValid('oss', event);
    const records = rejected.map((event) => event.events[0]);
    const listed = (name: string) => OBJECT_CREATED.includes(name) || name === 'ObjectRemoved:DeleteObject';
    expect(records.some((record) => !listed(record.eventName))).toBe(true);
    expect(records.some((record) => listed(record.eventName) && !keyIn(record.oss.object.key, 'source/', ''))).toBe(true);
    expect(records.some((record) => listed(record.eventName) && !keyIn(record.oss.object.key, '', '.png'))).toBe(true);
    // Near misses: the other letter case of the suffix.
    expect(records.some((record) => record.oss.object.key.endsWith('.PNG'))).toBe(true);
    expect(rejectedEvents(fc3, { fcVersion: 3 })?.reason).toMatch(/event name.*prefix "source\/".*suffix "\.png"/);
  });

  it('delivers by event name and the key filter, raw or URL-encoded', () => {
    const event = (eventName: string, key: string) => ({ events: [{ eventName, oss: { object: { key } } }] });
    expect(deliveredBy(fc3, event('ObjectCreated:UploadPart', 'source/a.png'))).toBe(true);
    expect(deliveredBy(fc3, event('ObjectRemoved:DeleteObjects', 'source/a.png'))).toBe(false);
    expect(deliveredBy(fc3, event('ObjectCreated:PutObject', 'Source/a.png'))).toBe(false);
    expect(deliveredBy(fc3, event('ObjectCreated:PutObject', 'source/a.PNG'))).toBe(false);
    expect(deliveredBy(fun, event('ObjectCreated:PutObject', 'my%20photos/%E5%BC%A0.JPG'))).toBe(true);
    expect(deliveredBy(fc3, { triggerTime: '2024-01-01T04:00:00Z', triggerName: 't', payload: '' })).toBe(false);
  });

  it('says when the config names no event FC delivers', () => {
    const none = trigger('get', 'oss', { events: ['oss:ObjectDownloaded:GetObject'], filter: { key: {} } }, `acs:oss:cn-hangzhou:${ACCOUNT}:b-1`);
    expect(() => matchingEvents(none, { fcVersion: 3 })).toThrow(/lets no event through: no OSS event name in events \(oss:ObjectDownloaded:GetObject\)/);
    expectRejected(none, { fcVersion: 3 });
  });
});

describe('timer triggers', () => {
  /** Whether `triggerTime` is a firing of the expression: the first firing at or after it is itself. */
  const isFiring = (cron: string, triggerTime: string) => {
    const at = new Date(triggerTime);
    return timerSchedule(parseTimerExpression(cron), { from: at, count: 1 })[0]?.getTime() === at.getTime();
  };

  it.each([
    ['fc3', { cronExpression: '0 0 4 * * *', payload: 'awesome-fc', enable: true }, 'awesome-fc'],
    ['fc 2.x', { payload: '{"s": "ss"}', cronExpression: 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI', enable: false }, '{"s": "ss"}'],
    ['Fun, no payload', { cronExpression: '0 0 8 * * *', enable: true }, ''],
  ])('%s: events at the firings of the cron, with its payload', (_, config, payload) => {
    const on = trigger('timerTrigger', 'timer', config);
    const drawn = sample<TimerEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'timer');
    for (const event of drawn) {
      expect(event).toMatchObject({ triggerName: 'timerTrigger', payload });
      expect(isFiring(config.cronExpression, event.triggerTime), event.triggerTime).toBe(true);
    }
    expect(rejectedEvents(on, { fcVersion: 3 })).toBeUndefined();
  });

  it('refuses a cron expression FC refuses', () => {
    expect(() => matchingEvents(trigger('t', 'timer', { cronExpression: '0 0 25 * * *' }), { fcVersion: 3 })).toThrow(TimerExpressionError);
  });
});

describe('MNS topic triggers', () => {
  it('fc3: JSON events from the sourceArn topic, filterTag only selecting which messages come', () => {
    const on = trigger(
      'mnsTrigger',
      'mns_topic',
      { filterTag: 'ss', notifyContentFormat: 'JSON', notifyStrategy: 'BACKOFF_RETRY' },
      `acs:mns:cn-hangzhou:${ACCOUNT}:/topics/orders`,
    );
    const drawn = sample<MnsTopicJsonEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'mns-json');
    for (const event of drawn) expect(event).toMatchObject({ TopicName: 'orders', TopicOwner: ACCOUNT });
    expect(rejectedEvents(on, { fcVersion: 3 })).toBeUndefined();
  });

  it('fc 2.x: STREAM by default, the raw body or {body, attrs}, from topicName', () => {
    const on = trigger('mnsTrigger', 'mns_topic', { topicName: 'test-topic', region: 'cn-hangzhou', notifyStrategy: 'BACKOFF_RETRY' });
    const drawn = sample<unknown>(matchingEvents(on, { fcVersion: 2 }));
    // The raw STREAM body is not JSON: no schema for it.
    expectMatching(on, drawn, (event) => (typeof event === 'string' ? undefined : 'mns-stream'));
    expect(drawn.some((event) => typeof event === 'string')).toBe(true);
    expect(drawn.some((event) => typeof event === 'object')).toBe(true);
  });
});

describe('SLS triggers', () => {
  it.each([
    [
      'fc3',
      trigger(
        'logTrigger',
        'log',
        {
          logConfig: { project: 'fc3-log', logstore: 'job-log' },
          jobConfig: { maxRetryTime: 1, triggerInterval: 30 },
          sourceConfig: { logstore: 'ci-log' },
          functionParameter: { key: 'val' },
          enable: true,
        },
        `acs:log:cn-beijing:${ACCOUNT}:project/fc3-source`,
      ),
      { projectName: 'fc3-source', logstoreName: 'ci-log', endpoint: 'http://cn-beijing-intranet.log.aliyuncs.com' },
      { key: 'val' },
    ],
    [
      'Fun (no sourceArn: the project is logConfig.project)',
      trigger('log-stream', 'log', {
        sourceConfig: { logstore: 'log' },
        jobConfig: { maxRetryTime: 1, triggerInterval: 30 },
        logConfig: { project: 'sls-log-test', logstore: 'sls-log' },
      }),
      { projectName: 'sls-log-test', logstoreName: 'log' },
      {},
    ],
  ])('%s: events of the source logstore with functionParameter as parameter', (_, on, source, parameter) => {
    const drawn = sample<SlsEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'sls');
    for (const event of drawn) {
      expect(event.source).toMatchObject(source);
      expect(event.parameter).toEqual(parameter);
    }
    expect(rejectedEvents(on, { fcVersion: 3 })).toBeUndefined();
  });
});

describe('CDN triggers', () => {
  const domains = ['www.taobao.com', 'www.tmall.com'];
  const on = trigger(
    'cdnTrigger',
    'cdn_events',
    { eventName: 'LogFileCreated', eventVersion: '1.0.0', notes: 'cdn events trigger test', filter: { domain: domains } },
    `acs:cdn:*:${ACCOUNT}`,
  );

  it('events of the configured name on the filtered domains', () => {
    const drawn = sample<CdnEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'cdn');
    for (const {
      events: [record],
    } of drawn) {
      expect(record.eventName).toBe('LogFileCreated');
      expect(domains).toContain(record.resource.domain);
      expect(record.userIdentity.aliUid).toBe(ACCOUNT);
    }
  });

  it('rejects other event names and other domains, and none of them is delivered', () => {
    const records = (expectRejected(on, { fcVersion: 3 }) as CdnEvent[]).map((event) => event.events[0]);
    expect(records.some((record) => record.eventName !== 'LogFileCreated')).toBe(true);
    expect(records.some((record) => !domains.includes(record.resource.domain))).toBe(true);
  });
});

describe('names left as written: an s init placeholder stands for a name not known here (awesome-fc quick-start apps)', () => {
  /** The names an event carries (free text such as a message body may hold braces of its own). */
  const noPlaceholder = (names: readonly string[]) => {
    for (const name of names) expect(name).not.toMatch(/\{\{|\$\{/);
  };

  it('SLS: the source logstore is drawn', () => {
    const on = trigger('sls', 'log', {
      sourceConfig: { logstore: '{{ sourceLogstore }}' },
      jobConfig: { maxRetryTime: 3, triggerInterval: 60 },
      logConfig: { project: 'logs', logstore: 'job' },
    });
    const drawn = sample<SlsEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'sls');
    noPlaceholder(drawn.map((event) => event.source.logstoreName));
  });

  it('CDN: any domain passes a filter.domain FC will know after s init; only other event names are rejected', () => {
    const on = trigger('cdn', 'cdn_events', { eventName: 'CachedObjectsRefreshed', eventVersion: '1.0.0', filter: { domain: ['{{ cdnDomain }}'] } });
    const drawn = sample<CdnEvent>(matchingEvents(on, { fcVersion: 3 }));
    expectMatching(on, drawn, 'cdn');
    noPlaceholder(drawn.map((event) => event.events[0].resource.domain));
    const rejected = (expectRejected(on, { fcVersion: 3 }) as CdnEvent[]).map((event) => event.events[0]);
    expect(rejected.every((record) => record.eventName !== 'CachedObjectsRefreshed')).toBe(true);
  });

  it('EventBridge sources: a parameter left as written is drawn (RocketMQ Topic, Tag, GroupID)', () => {
    const parameters = { RegionId: 'cn-hangzhou', InstanceId: '{{ InstanceId }}', Tag: '{{ Tag }}', Topic: '{{ Topic }}', GroupID: '{{ GroupID }}' };
    const on = trigger('mq', 'eventbridge', {
      triggerEnable: true,
      eventRuleFilterPattern: '{}',
      eventSinkConfig: { deliveryOption: { mode: 'event-streaming' } },
      eventSourceConfig: { eventSourceType: 'RocketMQ', eventSourceParameters: { sourceRocketMQParameters: parameters } },
    });
    const drawn = sample<{ aliyunregionid: string; subject: string; data: { topic: string; systemProperties: { TAGS: string } } }[]>(
      matchingEvents(on, { fcVersion: 3 }),
    );
    for (const batch of drawn) expect(deliveredBy(on, batch), JSON.stringify(batch)).toBe(true);
    noPlaceholder(drawn.flat().flatMap((event) => [event.subject, event.data.topic, event.data.systemProperties.TAGS]));
    // What is written stays: the region.
    expect(drawn.flat().every((event) => event.aliyunregionid === 'cn-hangzhou')).toBe(true);
  });
});

describe('HTTP triggers', () => {
  const on = trigger('httpTrigger', 'http', { authType: 'anonymous', methods: ['GET', 'POST'] });

  it('FC 3.0: events of the allowed methods', () => {
    const events = matchingEvents(on, { fcVersion: 3 });
    expect(events?.delivery).toBe('fc3-http');
    const drawn = sample<HttpTriggerEvent>(events);
    expectMatching(on, drawn, 'http');
    expect(new Set(drawn.map((event) => event.requestContext.http.method))).toEqual(new Set(['GET', 'POST']));
  });

  it('FC 2.0: requests of the allowed methods, with their body bytes', () => {
    const events = matchingEvents(on, { fcVersion: 2 });
    expect(events?.delivery).toBe('fc2-http');
    const drawn = sample<{ request: Fc2HttpRequest }>(events);
    expectMatching(on, drawn, () => undefined);
    for (const { request } of drawn) expectValid('fc2-http-request', request);
  });

  it.each([3, 2] as const)('FC %i: rejects every other method', (fcVersion) => {
    expect(rejectedEvents(on, { fcVersion })).toMatchObject({
      delivery: fcVersion === 3 ? 'fc3-http' : 'fc2-http',
      reason: expect.stringContaining('PUT, DELETE, HEAD, PATCH, OPTIONS'),
    });
    expectRejected(on, { fcVersion });
  });
});

describe('triggers fc-sim has no generator for', () => {
  it.each([trigger('mqtt', 'eventbridge', { eventRuleFilterPattern: '{}', eventSourceConfig: { eventSourceType: 'MQTT' } }), trigger('rds', 'rds', {})])(
    '$type: no events, none rejected, delivered as the source sends them',
    (on) => {
      expect(matchingEvents(on, { fcVersion: 3 })).toBeUndefined();
      expect(rejectedEvents(on, { fcVersion: 3 })).toBeUndefined();
      expect(deliveredBy(on, {})).toBe(true);
    },
  );
});
