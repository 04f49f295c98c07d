import { describe, expect, it } from 'vitest';
import { buildCdnEvent } from '../../../src/triggers/cdn/build.js';
import { validate } from '../../../src/schema/validate.js';

describe('buildCdnEvent', () => {
  it('makes a LogFileCreated parameter for the 5 minutes before the event, with a signed URL', () => {
    const [record] = buildCdnEvent({ eventName: 'LogFileCreated', domain: 'www.example.com', time: '2024-01-01T01:02:03Z' }).events;
    expect(record.eventTime).toBe('2024-01-01T09:02:03+08:00');
    if (record.eventName !== 'LogFileCreated') throw new Error(`built ${record.eventName}`);
    const parameter = record.eventParameter;
    expect(parameter).toMatchObject({ startTime: 1704070500, endTime: 1704070800, domain: 'www.example.com' });
    expect(parameter.filePath).toMatch(
      /^http:\/\/cdnlog\.cn-hangzhou\.oss\.aliyun-inc\.com\/www\.example\.com\/2024_01_01\/www\.example\.com_2024_01_01_0855_0900\.gz\?OSSAccessKeyId=/,
    );
  });

  it.each([
    'CachedObjectsRefreshed',
    'CachedObjectsPushed',
    'CachedObjectsBlocked',
    'CdnDomainStarted',
    'CdnDomainStopped',
    'CdnDomainAdded',
    'CdnDomainDeleted',
    'LogFileCreated',
  ] as const)('makes a valid %s event', (eventName) => {
    expect(validate('cdn', buildCdnEvent({ eventName })).issues).toEqual([]);
  });
});
