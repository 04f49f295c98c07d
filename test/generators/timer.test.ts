import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timerEvent } from '../../generators/timer.js';
import { validate } from '../../src/schema/validate.js';

describe('timerEvent', () => {
  it('draws events that validate against the timer schema', () => {
    fc.assert(fc.property(timerEvent(), (event) => validate('timer', event).valid), { numRuns: 1000 });
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
    const event = fc.check(fc.property(timerEvent(), (_event) => false), { seed: 7 }).counterexample?.[0];
    expect(event?.payload).toBe('');
    expect(JSON.stringify(event).length).toBeLessThan(80);
  });
});
