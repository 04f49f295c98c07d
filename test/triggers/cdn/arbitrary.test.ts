import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnEvent } from '../../../src/triggers/cdn/arbitrary.js';
import type { CdnEventName } from '../../../src/triggers/cdn/build.js';
import { validate } from '../../../src/schema/validate.js';
import type { CdnEvent } from '../../../src/types/generated.js';

const record = (event: CdnEvent) => event.events[0]!;
const parameterOf = (event: CdnEvent) => record(event).eventParameter as unknown as Record<string, unknown>;

const TASK_KEYS = ['completeTime', 'createTime', 'domain', 'objectPath', 'objectType', 'taskId'];
const PARAMETER_KEYS: Record<CdnEventName, string[]> = {
  LogFileCreated: ['domain', 'endTime', 'filePath', 'fileSize', 'startTime'],
  CachedObjectsRefreshed: TASK_KEYS,
  CachedObjectsPushed: TASK_KEYS,
  CachedObjectsBlocked: TASK_KEYS,
  CdnDomainStarted: ['domain', 'status'],
  CdnDomainStopped: ['domain', 'status'],
  CdnDomainAdded: ['domain'],
  CdnDomainDeleted: ['domain'],
};

describe('cdnEvent', () => {
  it('draws events that validate against the cdn schema', () => {
    fc.assert(
      fc.property(cdnEvent(), (event) => validate('cdn', event).valid),
      { numRuns: 1000 },
    );
  });

  describe('coherence', () => {
    it('has the eventParameter keys of its eventName', () => {
      fc.assert(
        fc.property(cdnEvent(), (event) => {
          expect(Object.keys(parameterOf(event)).sort()).toEqual(PARAMETER_KEYS[record(event).eventName]);
        }),
      );
    });

    it('names the same domain in resource and eventParameter', () => {
      fc.assert(fc.property(cdnEvent(), (event) => record(event).resource.domain === parameterOf(event).domain));
    });

    it('writes eventTime in whole seconds of China Standard Time', () => {
      fc.assert(
        fc.property(cdnEvent(), (event) => {
          const { eventTime } = record(event);
          expect(eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
          expect(new Date(eventTime).toISOString().slice(11, 13)).toBe(String((Number(eventTime.slice(11, 13)) + 16) % 24).padStart(2, '0'));
        }),
      );
    });

    it('ends Directory paths with "/" and File paths without', () => {
      fc.assert(
        fc.property(cdnEvent({ eventNames: ['CachedObjectsRefreshed', 'CachedObjectsPushed', 'CachedObjectsBlocked'] }), (event) => {
          const { objectType, objectPath } = parameterOf(event) as { objectType: string; objectPath: string[] };
          expect(objectPath.every((path) => path.startsWith('/') && path.endsWith('/') === (objectType === 'Directory'))).toBe(true);
        }),
      );
    });
  });

  describe('constraints', () => {
    it('draws eventName from eventNames only', () => {
      fc.assert(
        fc.property(cdnEvent({ eventNames: ['LogFileCreated'] }), (event) => record(event).eventName === 'LogFileCreated'),
        { numRuns: 200 },
      );
    });

    it('keeps fixed parameters', () => {
      fc.assert(
        fc.property(cdnEvent({ eventName: 'LogFileCreated', domain: 'cdn.example.com', fileSize: 7, time: '2025-03-10T06:45:43Z' }), (event) => {
          expect(record(event).eventTime).toBe('2025-03-10T14:45:43+08:00');
          expect(parameterOf(event)).toMatchObject({ domain: 'cdn.example.com', fileSize: 7 });
        }),
        { numRuns: 50 },
      );
    });
  });

  it('draws every eventName, both object types, empty log files and non-ASCII paths', () => {
    const events = fc.sample(cdnEvent(), { seed: 42, numRuns: 2000 });
    expect(new Set(events.map((event) => record(event).eventName)).size).toBe(8);
    const parameters = events.map(parameterOf);
    expect(new Set(parameters.map((p) => p.objectType).filter(Boolean))).toEqual(new Set(['File', 'Directory']));
    expect(parameters.filter((p) => p.fileSize === 0).length).toBeGreaterThan(20);
    expect(parameters.filter((p) => Array.isArray(p.objectPath) && p.objectPath.some((path) => /%[C-F][0-9A-F]/.test(path))).length).toBeGreaterThan(50);
    expect(new Set(events.map((event) => record(event).resource.domain)).size).toBeGreaterThan(500);
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(cdnEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(cdnEvent(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const event = fc.check(
      fc.property(cdnEvent(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(record(event!).resource.domain).toBe('example.com');
    expect(JSON.stringify(event).length).toBeLessThan(650);
  });
});
