import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ossEvent } from '../../../src/triggers/oss/arbitrary.js';
import { validate } from '../../../src/schema/validate.js';
import type { OssEvent, OssEventRecord } from '../../../src/types/generated.js';

const record = (event: OssEvent): OssEventRecord => event.events[0]!;
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** Percent-encoded multi-byte characters: what a URL-encoded non-ASCII key contains and a raw key does not. */
const ENCODED_MULTI_BYTE = /%[C-F][0-9A-F]%[89AB][0-9A-F]/;

describe('ossEvent', () => {
  it('draws events that validate against the oss schema', () => {
    fc.assert(
      fc.property(ossEvent(), (event) => validate('oss', event).valid),
      { numRuns: 1000 },
    );
  });

  describe('coherence', () => {
    it('names region, owner and bucket in the ARN', () => {
      fc.assert(
        fc.property(ossEvent(), (event) => {
          const { oss, region } = record(event);
          expect(oss.bucket.arn).toBe(`acs:oss:${region}:${oss.bucket.ownerIdentity}:${oss.bucket.name}`);
        }),
      );
    });

    it('has a 32-digit upper-case hex eTag', () => {
      fc.assert(fc.property(ossEvent(), (event) => /^[0-9A-F]{32}$/.test(record(event).oss.object.eTag)));
    });

    it('has a size ≥ 0 within the largest OSS object, and a position within it for appends', () => {
      fc.assert(
        fc.property(ossEvent(), (event) => {
          const { size, position, deltaSize } = record(event).oss.object;
          expect(Number.isSafeInteger(size) && size >= 0 && size <= 10_000 * 5 * 2 ** 30).toBe(true);
          if (position !== undefined) expect(position).toBe(size - deltaSize);
        }),
      );
    });

    it('keeps keys within 1023 UTF-8 bytes', () => {
      fc.assert(fc.property(ossEvent(), (event) => utf8Bytes(record(event).oss.object.key) <= 1023));
    });

    it('cuts the keys that fill the limit at the last character that fits, raw or URL-encoded', () => {
      let long = 0;
      fc.assert(
        fc.property(ossEvent(), (event) => {
          const bytes = utf8Bytes(record(event).oss.object.key);
          if (bytes <= 500) return;
          long += 1;
          // One character more would not fit: an emoji takes 4 bytes, 12 URL-encoded.
          expect(bytes).toBeGreaterThan(1023 - 12);
        }),
        { numRuns: 500 },
      );
      expect(long).toBeGreaterThan(10);
    });

    it('writes eventTime in whole seconds padded to .000Z', () => {
      fc.assert(fc.property(ossEvent(), (event) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/.test(record(event).eventTime)));
    });
  });

  describe('constraints', () => {
    it('keeps fixed parameters', () => {
      const fixed = { bucket: 'photos', region: 'cn-shanghai', accountId: '1234567890123456', key: 'a b/图片.jpg', size: 42, fcVersion: 2 as const };
      fc.assert(
        fc.property(ossEvent(fixed), (event) => {
          const { oss, region } = record(event);
          expect(oss.bucket.name).toBe('photos');
          expect(oss.bucket.arn).toBe('acs:oss:cn-shanghai:1234567890123456:photos');
          expect(region).toBe('cn-shanghai');
          expect(oss.object.key).toBe('a b/图片.jpg');
          expect(oss.object.size).toBe(42);
          expect(oss.bucket.virtualBucket).toBe('');
        }),
        { numRuns: 200 },
      );
    });

    it('draws eventName from eventNames only', () => {
      const eventNames = ['ObjectCreated:AppendObject', 'ObjectRemoved:DeleteObject'] as const;
      fc.assert(
        fc.property(ossEvent({ eventNames }), (event) => (eventNames as readonly string[]).includes(record(event).eventName)),
        { numRuns: 200 },
      );
    });

    it('starts and ends raw keys with keyPrefix and keySuffix', () => {
      fc.assert(
        fc.property(ossEvent({ keyPrefix: '图片/', keySuffix: '.jpg', keyEncoding: 'raw' }), (event) => {
          const { key } = record(event).oss.object;
          expect(key.startsWith('图片/') && key.endsWith('.jpg')).toBe(true);
          expect(utf8Bytes(key)).toBeLessThanOrEqual(1023);
        }),
        { numRuns: 300 },
      );
    });

    it('URL-encodes the whole key, prefix and suffix included, with keyEncoding url', () => {
      fc.assert(
        fc.property(ossEvent({ keyPrefix: '图片/', keySuffix: ' 1.jpg', keyEncoding: 'url' }), (event) => {
          const { key } = record(event).oss.object;
          expect(key).toMatch(/^[\x21-\x7e]+$/);
          expect(key.startsWith('%E5%9B%BE%E7%89%87/') && key.endsWith('%201.jpg')).toBe(true);
          const name = key.split('/').map(decodeURIComponent).join('/');
          expect(name.startsWith('图片/') && name.endsWith(' 1.jpg')).toBe(true);
          expect(key.length).toBeLessThanOrEqual(1023);
        }),
        { numRuns: 300 },
      );
    });

    it('rejects a prefix and suffix that leave no room for a key', () => {
      expect(() => ossEvent({ keyPrefix: 'a'.repeat(1023) })).toThrow(expect.objectContaining({ name: 'FcSimError', code: 'E_INVALID_PARAMS' }));
      expect(() => ossEvent({ keyPrefix: '图'.repeat(300), keyEncoding: 'url' })).toThrow(
        expect.objectContaining({ name: 'FcSimError', code: 'E_INVALID_PARAMS' }),
      );
    });

    it('adds or leaves out objectMeta as withObjectMeta says', () => {
      fc.assert(
        fc.property(ossEvent({ withObjectMeta: true }), (event) => record(event).oss.object.objectMeta?.mimeType !== undefined),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(ossEvent({ withObjectMeta: false }), (event) => record(event).oss.object.objectMeta === undefined),
        { numRuns: 200 },
      );
    });
  });

  it('draws the edge cases', () => {
    const records = fc.sample(ossEvent(), { seed: 42, numRuns: 2000 }).map(record);
    const count = (predicate: (r: OssEventRecord) => boolean) => records.filter(predicate).length;
    const { key, size } = { key: (r: OssEventRecord) => r.oss.object.key, size: (r: OssEventRecord) => r.oss.object.size };
    // biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII
    expect(count((r) => /[^\x00-\x7f]/.test(key(r)))).toBeGreaterThan(50);
    expect(count((r) => ENCODED_MULTI_BYTE.test(key(r)))).toBeGreaterThan(50);
    expect(count((r) => key(r).includes(' '))).toBeGreaterThan(20);
    expect(count((r) => key(r).endsWith('/'))).toBeGreaterThan(20);
    expect(count((r) => utf8Bytes(key(r)) > 1000)).toBeGreaterThan(20);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII
    expect(count((r) => utf8Bytes(key(r)) > 1000 && /[^\x00-\x7f]/.test(key(r)))).toBeGreaterThan(5);
    expect(count((r) => size(r) === 0)).toBeGreaterThan(50);
    expect(count((r) => size(r) > 2 ** 32)).toBeGreaterThan(50);
    expect(count((r) => r.oss.object.position !== undefined && r.oss.object.position > 0)).toBeGreaterThan(5);
    expect(count((r) => r.oss.object.deltaSize < 0)).toBeGreaterThan(50);
    expect(count((r) => r.oss.bucket.virtualBucket === '')).toBeGreaterThan(500);
    expect(count((r) => r.oss.bucket.virtualBucket === undefined)).toBeGreaterThan(500);
    expect(count((r) => r.oss.object.objectMeta === undefined)).toBeGreaterThan(500);
    expect(count((r) => r.oss.object.objectMeta?.userMeta !== undefined)).toBeGreaterThan(200);
    expect(count((r) => r.userIdentity.principalId !== r.oss.bucket.ownerIdentity)).toBeGreaterThan(100);
    expect(count((r) => ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1', 'us-west-1'].includes(r.region))).toBeGreaterThan(500);
    expect(new Set(records.map((r) => r.eventName)).size).toBe(16);
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(ossEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(ossEvent(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const result = fc.check(
      fc.property(ossEvent(), (_event) => false),
      { seed: 7 },
    );
    const event = result.counterexample?.[0];
    expect(record(event!).oss.object.key.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(event).length).toBeLessThan(650);
  });
});
