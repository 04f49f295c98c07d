import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slsEvent } from '../../../src/triggers/sls/arbitrary.js';
import { validate } from '../../../src/schema/validate.js';

const position = (cursor: string) => BigInt(Buffer.from(cursor, 'base64').toString('latin1'));

describe('slsEvent', () => {
  it('draws events that validate against the sls schema', () => {
    fc.assert(
      fc.property(slsEvent(), (event) => validate('sls', event).valid),
      { numRuns: 1000 },
    );
  });

  describe('coherence', () => {
    it('reads from the intranet endpoint of the drawn region', () => {
      fc.assert(
        fc.property(fc.constantFrom('cn-hangzhou', 'ap-southeast-1', 'eu-central-1'), (region) => {
          const [event] = fc.sample(slsEvent({ region }), { numRuns: 1 });
          expect(event?.source.endpoint).toBe(`http://${region}-intranet.log.aliyuncs.com`);
        }),
        { numRuns: 20 },
      );
      fc.assert(fc.property(slsEvent(), (event) => /^http:\/\/[a-z]{2,}(-[a-z0-9]+)+-intranet\.log\.aliyuncs\.com$/.test(event.source.endpoint)));
    });

    it('has an endCursor that decodes to a position at or after beginCursor', () => {
      fc.assert(fc.property(slsEvent(), (event) => position(event.source.endCursor) >= position(event.source.beginCursor)));
    });

    it('has cursorTime in Unix seconds, the second of beginCursor', () => {
      fc.assert(
        fc.property(slsEvent(), (event) => {
          // 2000–2099 in seconds, not milliseconds.
          expect(Number.isInteger(event.cursorTime) && event.cursorTime >= 946_684_800 && event.cursorTime < 4_102_444_800).toBe(true);
          // Cursors count microseconds of milliseconds: ms * 1e6 + sequence.
          expect(BigInt(event.cursorTime)).toBe(position(event.source.beginCursor) / 1_000_000_000n);
        }),
      );
    });

    it('draws shard ids 0–63', () => {
      fc.assert(fc.property(slsEvent(), (event) => event.source.shardId >= 0 && event.source.shardId <= 63));
    });
  });

  it('keeps fixed parameters', () => {
    const fixed = { project: 'my-project', logstore: 'my_logstore', shardId: 3, parameter: { a: 1 }, time: '2025-01-02T03:04:05Z' };
    fc.assert(
      fc.property(slsEvent(fixed), (event) => {
        expect([event.source.projectName, event.source.logstoreName, event.source.shardId, event.parameter, event.cursorTime]).toEqual([
          'my-project',
          'my_logstore',
          3,
          { a: 1 },
          Date.parse('2025-01-02T03:04:05Z') / 1000,
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it('draws empty, flat and nested ETL parameters', () => {
    const parameters = fc.sample(slsEvent(), { seed: 42, numRuns: 2000 }).map((event) => event.parameter);
    const isEtl = (p: Record<string, unknown>) => ['source', 'target', 'transform'].every((key) => typeof p[key] === 'object');
    expect(parameters.filter((p) => Object.keys(p).length === 0).length).toBeGreaterThan(200);
    expect(parameters.filter((p) => Object.keys(p).length > 0 && Object.values(p).every((v) => typeof v !== 'object')).length).toBeGreaterThan(200);
    expect(parameters.filter(isEtl).length).toBeGreaterThan(200);
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(slsEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(slsEvent(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const event = fc.check(
      fc.property(slsEvent(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(event?.parameter).toEqual({});
    expect(JSON.stringify(event).length).toBeLessThan(380);
  });
});
