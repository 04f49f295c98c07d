import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mnsEvent } from '../../../src/triggers/mns/arbitrary.js';
import type { MnsTopicEvent } from '../../../src/triggers/mns/build.js';
import { validate } from '../../../src/schema/validate.js';
import type { MnsTopicJsonEvent, MnsTopicStreamEvent } from '../../../src/types/generated.js';

type Shape = 'raw' | 'stream' | 'json';
const shapeOf = (event: MnsTopicEvent): Shape => (typeof event === 'string' ? 'raw' : 'body' in event ? 'stream' : 'json');
const JSON_FIELDS = 8;

describe('mnsEvent', () => {
  it('draws events that validate against the schema of their shape (a raw STREAM body is a string)', () => {
    fc.assert(
      fc.property(mnsEvent(), (event) => {
        const shape = shapeOf(event);
        return shape === 'raw' ? typeof event === 'string' : validate(shape === 'json' ? 'mns-json' : 'mns-stream', event).valid;
      }),
      { numRuns: 1000 },
    );
  });

  it('draws message ids of both forms: 32 hex (FC’s examples) and the MNS API’s; the schema takes both', () => {
    const ids = fc.sample(mnsEvent({ formats: ['JSON'] }), { numRuns: 100, seed: 3 }).map((event) => (event as MnsTopicJsonEvent).MessageId);
    expect(ids.some((id) => /^[0-9A-F]{32}$/.test(id))).toBe(true);
    expect(ids.some((id) => /^[0-9A-F]{16}-1-[0-9A-F]{11}-[0-9]{9}$/.test(id))).toBe(true);
    const [event] = fc.sample(mnsEvent({ formats: ['JSON'], messageId: 'D273CD6A89564E54-1-15180395A19-200000001' }), { numRuns: 1, seed: 1 });
    expect(validate('mns-json', event).valid).toBe(true);
    expect(validate('mns-json', { ...(event as MnsTopicJsonEvent), MessageId: 'D273CD6A89564E54-2-15180395A19-200000001' }).valid).toBe(false);
  });

  it('has MessageMD5 = upper-case MD5 of Message', () => {
    fc.assert(
      fc.property(mnsEvent({ formats: ['JSON'] }), (event) => {
        const { Message, MessageMD5 } = event as MnsTopicJsonEvent;
        expect(MessageMD5).toBe(createHash('md5').update(Message, 'utf8').digest('hex').toUpperCase());
      }),
    );
  });

  describe('constraints', () => {
    it('keeps fixed parameters', () => {
      fc.assert(
        fc.property(mnsEvent({ format: 'JSON', topic: 'orders', message: '订单', accountId: '1234567890123456' }), (event) => {
          const json = event as MnsTopicJsonEvent;
          expect([json.TopicName, json.Message, json.TopicOwner, json.Subscriber]).toEqual(['orders', '订单', '1234567890123456', '1234567890123456']);
        }),
        { numRuns: 100 },
      );
    });

    it('draws formats from formats only', () => {
      fc.assert(
        fc.property(mnsEvent({ formats: ['JSON'] }), (event) => shapeOf(event) === 'json'),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(mnsEvent({ formats: ['STREAM'] }), (event) => shapeOf(event) !== 'json'),
        { numRuns: 200 },
      );
    });

    it('adds attributes or not as withAttributes says', () => {
      fc.assert(
        fc.property(mnsEvent({ formats: ['STREAM'], withAttributes: false }), (event) => shapeOf(event) === 'raw'),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(mnsEvent({ formats: ['STREAM'], withAttributes: true }), (event) => shapeOf(event) === 'stream'),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(mnsEvent({ formats: ['JSON'], withAttributes: true }), (event) => Object.keys(event as object).length > JSON_FIELDS),
        { numRuns: 200 },
      );
    });
  });

  it('draws every shape, and empty, multi-byte and base64-looking messages', () => {
    const events = fc.sample(mnsEvent(), { seed: 42, numRuns: 2000 });
    const messages = events.map((event) =>
      typeof event === 'string' ? event : 'body' in event ? (event as MnsTopicStreamEvent).body : (event as MnsTopicJsonEvent).Message,
    );
    const shapes = events.map(shapeOf);
    for (const shape of ['raw', 'stream', 'json'] as const) expect(shapes.filter((s) => s === shape).length).toBeGreaterThan(200);
    expect(messages.filter((message) => message === '').length).toBeGreaterThan(50);
    expect(messages.filter((message) => Buffer.byteLength(message) > message.length).length).toBeGreaterThan(100);
    expect(messages.filter((message) => message.length >= 8 && /^[A-Za-z0-9+/]+={0,2}$/.test(message) && message.length % 4 === 0).length).toBeGreaterThan(50);
    expect(events.filter((event) => shapeOf(event) === 'json' && (event as MnsTopicJsonEvent).PublishTime % 1000 !== 0).length).toBeGreaterThan(200);
    const extendAttributes = events.map((event) =>
      typeof event === 'string' ? undefined : 'attrs' in event ? (event as MnsTopicStreamEvent).attrs.Extend : event.Extend,
    );
    const extendValues = extendAttributes.filter((value) => value !== undefined);
    expect(extendValues.length).toBeGreaterThan(100);
    for (const value of extendValues) expect(typeof JSON.parse(value as string)).toBe('object');
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(mnsEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(mnsEvent(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const event = fc.check(
      fc.property(mnsEvent(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(shapeOf(event!)).toBe('json');
    expect((event as MnsTopicJsonEvent).Message).toBe('');
    expect(JSON.stringify(event).length).toBeLessThan(280);
  });
});
