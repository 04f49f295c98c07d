import { describe, expect, it } from 'vitest';
import { buildOssEvent } from '../../../src/triggers/oss/build.js';

describe('buildOssEvent', () => {
  it('derives the ARN, owner and a stable 32-hex ETag from the parameters', () => {
    const [record] = buildOssEvent({ bucket: 'photos', region: 'ap-southeast-1', accountId: '5555666677778888', key: 'a.jpg' }).events;
    expect(record.oss.bucket).toEqual({ arn: 'acs:oss:ap-southeast-1:5555666677778888:photos', name: 'photos', ownerIdentity: '5555666677778888' });
    expect(record.oss.object.eTag).toMatch(/^[0-9A-F]{32}$/);
    expect(buildOssEvent({ bucket: 'photos', region: 'ap-southeast-1', accountId: '5555666677778888', key: 'a.jpg' }).events[0].oss.object.eTag).toBe(
      record.oss.object.eTag,
    );
  });

  it('sets deltaSize by what happened to the object', () => {
    expect(buildOssEvent({ eventName: 'ObjectRemoved:DeleteObject', size: 10 }).events[0].oss.object.deltaSize).toBe(-10);
    expect(buildOssEvent({ eventName: 'ObjectModified:UpdateObjectMeta', size: 10 }).events[0].oss.object.deltaSize).toBe(0);
    expect(buildOssEvent({ eventName: 'ObjectCreated:AppendObject', size: 10, deltaSize: 4 }).events[0].oss.object).toMatchObject({
      deltaSize: 4,
      position: 6,
    });
  });

  it('adds virtualBucket only for FC 2.0, and objectMeta only when there is metadata', () => {
    expect(buildOssEvent({ fcVersion: 2 }).events[0].oss.bucket.virtualBucket).toBe('');
    expect('virtualBucket' in buildOssEvent().events[0].oss.bucket).toBe(false);
    expect('objectMeta' in buildOssEvent({ mimeType: undefined }).events[0].oss.object).toBe(false);
  });
});

describe('buildOssEvent: zero sizes', () => {
  it('removing an empty object changes the size by 0, not -0', () => {
    expect(Object.is(buildOssEvent({ eventName: 'ObjectRemoved:DeleteObject', size: 0 }).events[0].oss.object.deltaSize, 0)).toBe(true);
  });
});
