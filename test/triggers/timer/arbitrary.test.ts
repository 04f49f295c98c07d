import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timerEvent } from '../../../src/triggers/timer/arbitrary.js';
import { validate } from '../../../src/schema/validate.js';
import { parseTimerExpression } from '../../../src/timer/expression.js';
import { timerSchedule } from '../../../src/timer/schedule.js';
import { TimerExpressionError } from '../../../src/timer/timer-expression-error.js';

/** Whether `triggerTime` is a firing of the expression: the first firing at or after it is itself. */
function isFiring(cron: string, triggerTime: string): boolean {
  const at = new Date(triggerTime);
  return timerSchedule(parseTimerExpression(cron), { from: at, count: 1 })[0]?.getTime() === at.getTime();
}

describe('timerEvent', () => {
  it('draws events that validate against the timer schema', () => {
    fc.assert(
      fc.property(timerEvent(), (event) => validate('timer', event).valid),
      { numRuns: 1000 },
    );
  });

  it('writes triggerTime in whole UTC seconds with Z, in 2000–2099', () => {
    fc.assert(fc.property(timerEvent(), (event) => /^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(event.triggerTime)));
  });

  it('keeps fixed parameters', () => {
    const fixed = { time: '2024-02-29T23:59:59.999Z', triggerName: 'nightly', payload: '{"a":1}' };
    fc.assert(
      fc.property(timerEvent(fixed), (event) => {
        expect(event).toEqual({ triggerTime: '2024-02-29T23:59:59Z', triggerName: 'nightly', payload: '{"a":1}' });
      }),
      { numRuns: 50 },
    );
  });

  it('draws empty, text, JSON and multi-byte payloads', () => {
    const payloads = fc.sample(timerEvent(), { seed: 42, numRuns: 2000 }).map((event) => event.payload);
    const isJsonObject = (text: string) => {
      try {
        return typeof JSON.parse(text) === 'object';
      } catch {
        return false;
      }
    };
    expect(payloads.filter((payload) => payload === '').length).toBeGreaterThan(100);
    expect(payloads.filter(isJsonObject).length).toBeGreaterThan(100);
    expect(payloads.filter((payload) => Buffer.byteLength(payload) > payload.length).length).toBeGreaterThan(100);
    expect(payloads.filter((payload) => /^[\x20-\x7e]+$/.test(payload) && !isJsonObject(payload)).length).toBeGreaterThan(100);
  });

  it('draws the same events for the same seed', () => {
    expect(fc.sample(timerEvent(), { seed: 7, numRuns: 50 })).toEqual(fc.sample(timerEvent(), { seed: 7, numRuns: 50 }));
  });

  it('shrinks to a small event', () => {
    const event = fc.check(
      fc.property(timerEvent(), (_event) => false),
      { seed: 7 },
    ).counterexample?.[0];
    expect(event?.payload).toBe('');
    expect(JSON.stringify(event).length).toBeLessThan(80);
  });

  describe('cron: triggerTime drawn from the firings of an FC timer expression', () => {
    const weekdays = 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI';

    it.each([weekdays, '0 */5 * * * *', '0 0 0 29 2 ?', 'CRON_TZ=Europe/Berlin 0 30 2 * * *', '17 45 23 31 12 ?'])(
      '%s: 200 valid events, each a firing',
      (cron) => {
        const events = fc.sample(timerEvent({ cron }), { seed: 11, numRuns: 200 });
        for (const event of events) {
          expect(validate('timer', event).issues).toEqual([]);
          expect(event.triggerTime).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
          expect(isFiring(cron, event.triggerTime)).toBe(true);
        }
      },
    );

    it('draws many different firings of a frequent schedule', () => {
      const times = fc.sample(timerEvent({ cron: '0 */5 * * * *' }), { seed: 11, numRuns: 200 }).map((event) => event.triggerTime);
      expect(new Set(times).size).toBeGreaterThan(120);
    });

    it('fires on weekdays at 01:30Z for 09:30 in Shanghai', () => {
      fc.assert(
        fc.property(timerEvent({ cron: weekdays }), (event) => {
          const at = new Date(event.triggerTime);
          return event.triggerTime.endsWith('T01:30:00Z') && at.getUTCDay() >= 1 && at.getUTCDay() <= 5;
        }),
        { numRuns: 200 },
      );
    });

    it('stays in 2000–2099 for schedules whose next firing is after 2099', () => {
      // After 2096-02-29 the next 29 February is in 2104: about one draw in 25.
      const years = fc.sample(timerEvent({ cron: '0 0 0 29 2 ?' }), { seed: 3, numRuns: 200 }).map((event) => Number(event.triggerTime.slice(0, 4)));
      expect(Math.max(...years)).toBe(2096);
      expect(Math.min(...years)).toBeGreaterThanOrEqual(2000);
    });

    it('draws @every firings in whole seconds', () => {
      fc.assert(
        fc.property(timerEvent({ cron: '@every 1h30m' }), (event) => validate('timer', event).valid),
        { numRuns: 200 },
      );
    });

    it('keeps the other parameters fixed or drawn', () => {
      const [event] = fc.sample(timerEvent({ cron: weekdays, triggerName: 'nightly', payload: 'p' }), { seed: 1, numRuns: 1 });
      expect(event).toMatchObject({ triggerName: 'nightly', payload: 'p' });
    });

    it('shrinks to the first firing of 2000', () => {
      const event = fc.check(
        fc.property(timerEvent({ cron: weekdays }), (_event) => false),
        { seed: 7 },
      ).counterexample?.[0];
      expect(event?.triggerTime).toBe('2000-01-03T01:30:00Z');
    });

    it('refuses an expression FC refuses, and a fixed time with it', () => {
      expect(() => timerEvent({ cron: '0 61 * * * *' })).toThrow(TimerExpressionError);
      expect(() => timerEvent({ cron: '0 61 * * * *' })).toThrow('minute field "61": out of range 0–59');
      expect(() => timerEvent({ cron: weekdays, time: '2025-03-07T01:30:00Z' })).toThrow(
        expect.objectContaining({ name: 'FcSimError', code: 'E_INVALID_PARAMS' }),
      );
    });
  });
});
