import { describe, expect, it } from 'vitest';
import { MIN_EVERY_SECONDS } from '../../src/timer/every.js';
import { parseTimerExpression } from '../../src/timer/expression.js';
import { timerSchedule } from '../../src/timer/schedule.js';
import { refusal } from './refusal.js';

const interval = (source: string) => {
  const expression = parseTimerExpression(source);
  if (expression.kind !== 'every') throw new Error(`not @every: ${source}`);
  return expression.intervalSeconds;
};

describe('@every <duration>', () => {
  it.each([
    ['@every 1m', 60],
    ['@every 4m', 240],
    ['@every 100m', 6000],
    ['@every 2h', 7200],
    ['@every 1h30m', 5400],
    ['@every 1m30s', 90],
    ['@every 90s', 90],
    ['@every 60s', 60],
    ['@every 1h0m', 3600],
    ['@every 24h', 86400],
  ])('%s is %i seconds', (source, seconds) => {
    expect(interval(source)).toBe(seconds);
  });

  it('has FC’s minimum of one minute', () => {
    expect(MIN_EVERY_SECONDS).toBe(60);
  });

  it.each([
    ['@every', '@every: missing duration', ''],
    ['@every 30s', '@every "30s": below FC\'s minimum interval of 1 minute', '30s'],
    ['@every 59s', '@every "59s": below FC\'s minimum interval of 1 minute', '59s'],
    ['@every 0m', '@every "0m": below FC\'s minimum interval of 1 minute', '0m'],
    ['@every 0.5m', '@every "0.5m": below FC\'s minimum interval of 1 minute', '0.5m'],
    ['@every 1.5h', '@every "1.5h": FC takes whole numbers; write "@every 1h30m"', '1.5h'],
    ['@every 1.0001h', '@every "1.0001h": FC takes whole numbers', '1.0001h'],
    ['@every 5', '@every "5": missing unit after 5', '5'],
    ['@every 5d', '@every "5d": unknown unit "d"', '5d'],
    ['@every 5min', '@every "5min": unknown unit "min"', '5min'],
    ['@every 90000ms', '@every "90000ms": unit "ms": FC\'s interval is counted in h, m or s (at least 1 minute)', '90000ms'],
    ['@every -5m', '@every "-5m": not a duration', '-5m'],
    ['@every 5m-', '@every "5m-": not a duration', '5m-'],
    ['@every 1h 30m', '@every "1h 30m": one duration without spaces', '1h 30m'],
    ['@every5m', '"@every5m": put a space after @every', '@every5m'],
  ])('refuses %j', (source, message, spanned) => {
    const error = refusal(source);
    expect(error.message).toBe(message);
    expect(error.part).toBe('every');
    expect(source.slice(error.span!.start, error.span!.end)).toBe(spanned);
  });

  it('says what to write instead', () => {
    expect(refusal('@every 1d').hint).toBe('use h, m or s: a day is 24h');
    expect(refusal('@every 5').hint).toBe('e.g. "@every 5m" (h, m or s)');
    expect(refusal('@every5m').hint).toBe('write "@every 5m"');
  });
});

describe('@every schedule: counted from the start of the schedule', () => {
  const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

  it('fires one interval after the start, then every interval', () => {
    const firings = timerSchedule(parseTimerExpression('@every 4m'), { from: new Date('2025-03-07T00:00:00Z'), count: 3 });
    expect(iso(firings)).toEqual(['2025-03-07T00:04:00.000Z', '2025-03-07T00:08:00.000Z', '2025-03-07T00:12:00.000Z']);
  });

  it('keeps the start’s seconds and drops its milliseconds', () => {
    const firings = timerSchedule(parseTimerExpression('@every 1h30m'), { from: new Date('2025-03-07T10:02:58.750Z'), count: 2 });
    expect(iso(firings)).toEqual(['2025-03-07T11:32:58.000Z', '2025-03-07T13:02:58.000Z']);
  });

  it('lists the firings of a window [from, to)', () => {
    const firings = timerSchedule(parseTimerExpression('@every 100m'), { from: new Date('2025-03-07T00:00:00Z'), to: new Date('2025-03-07T05:00:00Z') });
    expect(iso(firings)).toEqual(['2025-03-07T01:40:00.000Z', '2025-03-07T03:20:00.000Z']);
    const touching = timerSchedule(parseTimerExpression('@every 100m'), { from: new Date('2025-03-07T00:00:00Z'), to: new Date('2025-03-07T05:00:00.001Z') });
    expect(iso(touching)).toEqual(['2025-03-07T01:40:00.000Z', '2025-03-07T03:20:00.000Z', '2025-03-07T05:00:00.000Z']);
  });

  it('does not depend on the zone: daylight saving changes nothing', () => {
    const every = parseTimerExpression('@every 1h', { zone: 'Europe/Berlin' });
    const firings = timerSchedule(every, { from: new Date('2025-03-30T00:00:00Z'), count: 3 });
    expect(iso(firings)).toEqual(['2025-03-30T01:00:00.000Z', '2025-03-30T02:00:00.000Z', '2025-03-30T03:00:00.000Z']);
  });
});
