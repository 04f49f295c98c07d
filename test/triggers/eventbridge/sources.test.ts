/**
 * The EventBridge sources: each kind's event has the shape of the real payloads in ../shared/reference/payloads
 * (the same attributes and data fields), validates against the eventbridge schema, and batches as event-streaming
 * delivers them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../../src/errors.js';
import { packageRoot } from '../../../src/package-root.js';
import { detectSchema } from '../../../src/schema/detect.js';
import { validate } from '../../../src/schema/validate.js';
import { buildEventBridgeBusEvent } from '../../../src/triggers/eventbridge/bus/build.js';
import { buildDtsEvent } from '../../../src/triggers/eventbridge/dts/build.js';
import type { CloudEvent } from '../../../src/triggers/eventbridge/envelope.js';
import { buildKafkaEvent } from '../../../src/triggers/eventbridge/kafka/build.js';
import { buildMnsQueueEvent } from '../../../src/triggers/eventbridge/mns-queue/build.js';
import { buildRabbitMqEvent } from '../../../src/triggers/eventbridge/rabbitmq/build.js';
import { buildRocketMqEvent } from '../../../src/triggers/eventbridge/rocketmq/build.js';
import { buildKind, findKind, kindArbitrary } from '../../../src/triggers/modules.js';

const payloads = join(packageRoot, '..', 'shared', 'reference', 'payloads', 'eventbridge');
const payload = (file: string) => JSON.parse(readFileSync(join(payloads, file), 'utf8')) as CloudEvent | CloudEvent[];
const first = <E>(value: E | E[]): E => (Array.isArray(value) ? value[0]! : value);
const keys = (value: object) => Object.keys(value).sort();

describe.runIf(existsSync(payloads))('each source has the shape of its real payloads', () => {
  it.each([
    ['mns:queue (event-driven)', buildMnsQueueEvent(), 'fc-runtime-go-sdk-mns-queue.json'],
    ['mns:queue (batch)', buildMnsQueueEvent({ batch: 2 }), 'fc3-docs-mns-queue-batch.json'],
    ['rocketmq', buildRocketMqEvent(), 'fc-runtime-go-sdk-rocketmq-single.json'],
    ['rocketmq (batch)', buildRocketMqEvent({ batch: 2 }), 'fc-runtime-go-sdk-rocketmq-batch.json'],
    ['rabbitmq (batch)', buildRabbitMqEvent({ batch: 2 }), 'fc3-docs-rabbitmq-batch.json'],
    ['kafka', buildKafkaEvent(), 'fc3-docs-kafka-batch.json'],
  ])('%s', (_, built, file) => {
    const real = payload(file);
    expect(Array.isArray(built)).toBe(Array.isArray(real));
    expect(keys(first(built))).toEqual(keys(first(real)));
    expect(keys(first(built).data as object)).toEqual(keys(first(real).data as object));
    expect(first(built).type).toBe(first(real).type);
    expect(validate('eventbridge', built, { strict: true }).issues).toEqual([]);
  });

  it('rocketmq: systemProperties as the Go SDK shows them (offsets as strings, CONSUME_START_TIME a number), plus UNIQ_KEY', () => {
    const real = first(payload('fc-runtime-go-sdk-rocketmq-single.json')).data as { systemProperties: Record<string, unknown> };
    const built = first(buildRocketMqEvent()).data.systemProperties;
    expect(keys(built)).toEqual([...keys(real.systemProperties), 'UNIQ_KEY'].sort());
    expect(typeof built.MAX_OFFSET).toBe('string');
    expect(typeof built.CONSUME_START_TIME).toBe('number');
  });

  it('eventbridge:oss: data is one native OSS record, with the fields of the DataWorks sample (no ruleId)', () => {
    const real = first(payload('dataworks-docs-oss-via-eventbridge-masked.json'));
    const built = first(buildEventBridgeBusEvent({ kind: 'oss' }));
    expect(keys(built)).toEqual(keys(real));
    expect(keys(built.data as object)).toEqual(keys(real.data as object));
    expect(keys((built.data as { oss: object }).oss)).toEqual(keys((real.data as { oss: object }).oss));
    expect(built).toMatchObject({ source: 'acs.oss', type: 'oss:ObjectCreated:PutObject', aliyuneventbusname: 'default' });
  });

  it('dts: the fields of the FC doc sample (itself not JSON: a masked number)', () => {
    const text = readFileSync(join(payloads, 'fc3-docs-dts-INVALID-masked-number.json'), 'utf8').replace('"id": 321****', '"id": 321');
    const real = first(JSON.parse(text) as CloudEvent[]);
    const built = buildDtsEvent();
    expect(Array.isArray(built)).toBe(true);
    expect(keys(first(built))).toEqual(keys(real));
    expect(keys(first(built).data)).toEqual(keys(real.data as object));
    expect(validate('eventbridge', built, { strict: true }).issues).toEqual([]);
  });
});

describe('the sources', () => {
  it('mns:queue: messageBody is base64 of the message unless IsBase64Decode', () => {
    expect(first(buildMnsQueueEvent({ message: 'hello 世界' })).data.messageBody).toBe(Buffer.from('hello 世界').toString('base64'));
    expect(first(buildMnsQueueEvent({ message: 'hello 世界', base64Decode: true })).data.messageBody).toBe('hello 世界');
    const event = first(buildMnsQueueEvent({ queue: 'orders', region: 'cn-shanghai', functionName: 'fn', triggerName: 'q' }));
    expect(event).toMatchObject({
      source: 'MNS-fn-q',
      aliyuneventbusname: 'MNS-fn-q',
      subject: expect.stringMatching(/^acs:mns:cn-shanghai:\d+:queues\/orders$/),
      aliyunregionid: 'cn-shanghai',
    });
    expect(event.id).toBe(event.data.messageId);
  });

  it('kafka: the value as text, parsed JSON or base64, per the value data format', () => {
    const value = '{"clicks":3}';
    expect(first(buildKafkaEvent({ value, valueFormat: 'text' })).data.value).toBe(value);
    expect(first(buildKafkaEvent({ value, valueFormat: 'json' })).data.value).toEqual({ clicks: 3 });
    expect(first(buildKafkaEvent({ value, valueFormat: 'base64' })).data.value).toBe(Buffer.from(value).toString('base64'));
    expect(() => buildKafkaEvent({ value: 'not json', valueFormat: 'json' })).toThrow(/must be JSON/);
  });

  it('kafka: only core attributes and aliyunaccountid (stream events pass no bus)', () => {
    expect(keys(first(buildKafkaEvent()))).toEqual(['aliyunaccountid', 'data', 'datacontenttype', 'id', 'source', 'specversion', 'subject', 'time', 'type']);
  });

  it('a batch: N events with their own ids, consecutive offsets and delivery tags', () => {
    const kafka = buildKafkaEvent({ batch: 4, offset: 10 }) as CloudEvent<string, { offset: number }>[];
    expect(kafka.map((record) => record.data.offset)).toEqual([10, 11, 12, 13]);
    expect(new Set(kafka.map((record) => record.id)).size).toBe(4);
    const rabbit = buildRabbitMqEvent({ batch: 3, deliveryTag: 5 }) as CloudEvent<string, { envelope: { deliveryTag: number } }>[];
    expect(rabbit.map((message) => message.data.envelope.deliveryTag)).toEqual([5, 6, 7]);
    expect(new Set((buildMnsQueueEvent({ batch: 3 }) as CloudEvent[]).map((message) => message.id)).size).toBe(3);
  });

  it("a batch beyond FC's limit (1–10000) is refused by name", () => {
    for (const batch of [0, 10001, 2.5]) {
      expect(() => buildKafkaEvent({ batch })).toThrow(FcSimError);
      expect(() => buildKafkaEvent({ batch })).toThrow(/FC pushes 1–10000 events per invocation/);
    }
  });

  it('rabbitmq: a JSON body arrives parsed, text as it is', () => {
    expect(first(buildRabbitMqEvent({ body: '{"Hello":"RabbitMQ"}' })).data.body).toEqual({ Hello: 'RabbitMQ' });
    expect(first(buildRabbitMqEvent({ body: '消息发送Body010' })).data.body).toBe('消息发送Body010');
  });

  it('dts: INSERT has only an afterImage, DELETE only a beforeImage, text as ByteBuffer bytes', () => {
    const insert = first(buildDtsEvent({ operation: 'INSERT', row: { id: 1, name: 'é' } })).data;
    expect(insert.beforeImage).toBeUndefined();
    expect(insert.afterImage!.values).toEqual([
      { data: 1 },
      expect.objectContaining({ data: expect.objectContaining({ hb: [0xc3, 0xa9], limit: 2 }), charset: 'utf8mb4' }),
    ]);
    const remove = first(buildDtsEvent({ operation: 'DELETE' })).data;
    expect(remove.afterImage).toBeUndefined();
    expect(remove.beforeImage).toBeDefined();
  });

  it('eventbridge:custom: source, type and data are the caller’s', () => {
    const event = first(buildEventBridgeBusEvent({ kind: 'custom', source: 'my.app', type: 'my.app:Order:Paid', data: { id: 7 } }));
    expect(event).toMatchObject({ source: 'my.app', type: 'my.app:Order:Paid', data: { id: 7 }, specversion: '1.0' });
    expect(validate('eventbridge', event, { strict: true }).issues).toEqual([]);
  });

  it.each(['mns:queue', 'rocketmq', 'rabbitmq', 'kafka', 'dts', 'eventbridge:oss', 'eventbridge:custom'])(
    '%s: drawn events validate, and are detected as EventBridge events',
    (name) => {
      const kind = findKind(name)!;
      expect(detectSchema(buildKind(kind))?.schema).toBe('eventbridge');
      fc.assert(
        fc.property(kindArbitrary(kind, {}), (event) => {
          expect(validate('eventbridge', event).issues).toEqual([]);
          expect(detectSchema(event)?.schema).toBe('eventbridge');
        }),
        { numRuns: 30 },
      );
    },
  );
});
