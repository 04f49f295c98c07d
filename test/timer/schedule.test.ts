import { afterEach, describe, expect, it } from 'vitest';
import { parseTimerExpression } from '../../src/timer/expression.js';
import type { ScheduleWindow } from '../../src/timer/schedule.js';
import { timerSchedule } from '../../src/timer/schedule.js';
import { zonedTime } from '../../src/timer/zoned-time.js';

/** The firings as ISO strings (UTC, whole seconds). */
function firings(expression: string, window: { from: string; to?: string; count?: number }): string[] {
  const schedule: ScheduleWindow = { from: new Date(window.from), to: window.to === undefined ? undefined : new Date(window.to), count: window.count };
  return timerSchedule(parseTimerExpression(expression), schedule).map((date) => date.toISOString().replace('.000Z', 'Z'));
}

/** The wall clock of a firing in a zone: `Sun 2025-03-30 03:30:00 +02:00`. */
function wallClock(iso: string, zone: string): string {
  const { weekday, date, time, offset } = zonedTime(new Date(iso), zone);
  return `${weekday} ${date} ${time} ${offset}`;
}

describe('every 5 minutes: 0 */5 * * * *', () => {
  it('fires at minutes 0, 5, …, 55, including a firing at the start', () => {
    expect(firings('0 */5 * * * *', { from: '2025-03-07T00:00:00Z', count: 4 })).toEqual([
      '2025-03-07T00:00:00Z',
      '2025-03-07T00:05:00Z',
      '2025-03-07T00:10:00Z',
      '2025-03-07T00:15:00Z',
    ]);
  });

  it('runs across midnight and the end of a month', () => {
    expect(firings('0 */5 * * * *', { from: '2025-02-28T23:51:00Z', count: 3 })).toEqual([
      '2025-02-28T23:55:00Z',
      '2025-03-01T00:00:00Z',
      '2025-03-01T00:05:00Z',
    ]);
  });

  it('lists a window [from, to): 12 an hour', () => {
    const hour = firings('0 */5 * * * *', { from: '2025-03-07T10:00:00Z', to: '2025-03-07T11:00:00Z' });
    expect(hour).toHaveLength(12);
    expect(hour[0]).toBe('2025-03-07T10:00:00Z');
    expect(hour.at(-1)).toBe('2025-03-07T10:55:00Z');
  });

  it('starts after a start between two seconds', () => {
    expect(firings('0 */5 * * * *', { from: '2025-03-07T00:00:00.001Z', count: 1 })).toEqual(['2025-03-07T00:05:00Z']);
    expect(firings('0 */5 * * * *', { from: '2025-03-07T00:04:59.999Z', count: 1 })).toEqual(['2025-03-07T00:05:00Z']);
  });
});

describe('weekdays at 09:30 Asia/Shanghai: CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI', () => {
  const weekdays = 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI';
  const twoWeeks = firings(weekdays, { from: '2025-03-07T00:00:00Z', to: '2025-03-22T00:00:00Z' });

  it('fires at 01:30Z (09:30 +08:00) on the weekdays of two weeks', () => {
    expect(twoWeeks).toEqual([
      '2025-03-07T01:30:00Z',
      '2025-03-10T01:30:00Z',
      '2025-03-11T01:30:00Z',
      '2025-03-12T01:30:00Z',
      '2025-03-13T01:30:00Z',
      '2025-03-14T01:30:00Z',
      '2025-03-17T01:30:00Z',
      '2025-03-18T01:30:00Z',
      '2025-03-19T01:30:00Z',
      '2025-03-20T01:30:00Z',
      '2025-03-21T01:30:00Z',
    ]);
    expect(twoWeeks.map((firing) => wallClock(firing, 'Asia/Shanghai'))[0]).toBe('Fri 2025-03-07 09:30:00 +08:00');
  });

  it('never fires on a weekend, in Shanghai or in UTC', () => {
    const year = firings(weekdays, { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(year).toHaveLength(261);
    for (const firing of year) {
      expect(zonedTime(new Date(firing), 'Asia/Shanghai')).toMatchObject({ time: '09:30:00', offset: '+08:00' });
      expect(['Sat', 'Sun']).not.toContain(zonedTime(new Date(firing), 'Asia/Shanghai').weekday);
      expect([0, 6]).not.toContain(new Date(firing).getUTCDay());
    }
  });

  it('fires at 09:30Z without CRON_TZ (FC runs in UTC)', () => {
    expect(firings('0 30 9 ? * MON-FRI', { from: '2025-03-07T00:00:00Z', count: 2 })).toEqual(['2025-03-07T09:30:00Z', '2025-03-10T09:30:00Z']);
  });
});

describe('day-of-week numbering: 7 and SUN are Sunday', () => {
  it.each(['0 0 12 ? * 7', '0 0 12 ? * SUN', '0 0 12 ? * sun'])('%s', (expression) => {
    expect(firings(expression, { from: '2025-03-01T00:00:00Z', count: 2 })).toEqual(['2025-03-02T12:00:00Z', '2025-03-09T12:00:00Z']);
  });

  it('1 and MON are Monday', () => {
    expect(firings('0 0 12 ? * 1', { from: '2025-03-01T00:00:00Z', count: 1 })).toEqual(['2025-03-03T12:00:00Z']);
  });
});

describe('the end of February, in leap and common years', () => {
  it('0 0 0 28-29 2 ?: the 28th in 2023; the 28th and the 29th in 2024', () => {
    expect(firings('0 0 0 28-29 2 ?', { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' })).toEqual(['2023-02-28T00:00:00Z']);
    expect(firings('0 0 0 28-29 2 ?', { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })).toEqual(['2024-02-28T00:00:00Z', '2024-02-29T00:00:00Z']);
  });

  it('0 0 0 29 2 ?: leap years only, and 2100 is not one', () => {
    expect(firings('0 0 0 29 2 ?', { from: '2023-01-01T00:00:00Z', count: 2 })).toEqual(['2024-02-29T00:00:00Z', '2028-02-29T00:00:00Z']);
    expect(firings('0 0 0 29 2 ?', { from: '2097-01-01T00:00:00Z', count: 1 })).toEqual(['2104-02-29T00:00:00Z']);
  });

  it('the last day of the month without L: fire on 28-31, act when tomorrow is the 1st', () => {
    const isLastDay = (iso: string) => new Date(Date.parse(iso) + 86_400_000).getUTCDate() === 1;
    const lastDays = (from: string, to: string) => firings('0 0 0 28-31 * ?', { from, to }).filter(isLastDay);
    expect(lastDays('2023-02-01T00:00:00Z', '2023-03-01T00:00:00Z')).toEqual(['2023-02-28T00:00:00Z']);
    expect(lastDays('2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z')).toEqual(['2024-02-29T00:00:00Z']);
  });
});

describe('daylight saving (FC warns of repeated or skipped runs; fc-sim follows cron-parser and IANA)', () => {
  const daily = 'CRON_TZ=Europe/Berlin 0 30 2 * * *';

  it('Europe/Berlin spring forward (2025-03-30, 02:00 → 03:00): the 02:30 run happens at 03:30 CEST', () => {
    const runs = firings(daily, { from: '2025-03-29T00:00:00Z', count: 3 });
    expect(runs).toEqual(['2025-03-29T01:30:00Z', '2025-03-30T01:30:00Z', '2025-03-31T00:30:00Z']);
    expect(runs.map((run) => wallClock(run, 'Europe/Berlin'))).toEqual([
      'Sat 2025-03-29 02:30:00 +01:00',
      'Sun 2025-03-30 03:30:00 +02:00',
      'Mon 2025-03-31 02:30:00 +02:00',
    ]);
  });

  it('Europe/Berlin fall back (2025-10-26, 03:00 → 02:00): the 02:30 run happens once, at the first 02:30', () => {
    const runs = firings(daily, { from: '2025-10-25T00:00:00Z', count: 3 });
    expect(runs).toEqual(['2025-10-25T00:30:00Z', '2025-10-26T00:30:00Z', '2025-10-27T01:30:00Z']);
    expect(runs.map((run) => wallClock(run, 'Europe/Berlin'))).toEqual([
      'Sat 2025-10-25 02:30:00 +02:00',
      'Sun 2025-10-26 02:30:00 +02:00',
      'Mon 2025-10-27 02:30:00 +01:00',
    ]);
  });

  it('an hourly schedule runs in both repeated hours and skips none', () => {
    const runs = firings('CRON_TZ=Europe/Berlin 0 30 * * * *', { from: '2025-10-25T23:00:00Z', to: '2025-10-26T03:00:00Z' });
    expect(runs.map((run) => wallClock(run, 'Europe/Berlin'))).toEqual([
      'Sun 2025-10-26 01:30:00 +02:00',
      'Sun 2025-10-26 02:30:00 +02:00',
      'Sun 2025-10-26 02:30:00 +01:00',
      'Sun 2025-10-26 03:30:00 +01:00',
    ]);
    const spring = firings('CRON_TZ=Europe/Berlin 0 30 * * * *', { from: '2025-03-29T23:00:00Z', to: '2025-03-30T03:00:00Z' });
    expect(spring.map((run) => wallClock(run, 'Europe/Berlin'))).toEqual([
      'Sun 2025-03-30 00:30:00 +01:00',
      'Sun 2025-03-30 01:30:00 +01:00',
      'Sun 2025-03-30 03:30:00 +02:00',
      'Sun 2025-03-30 04:30:00 +02:00',
    ]);
  });

  it('America/New_York: 02:30 on 2025-03-09 runs at 03:30 EDT; 01:30 on 2025-11-02 runs once, in EDT', () => {
    const spring = firings('CRON_TZ=America/New_York 0 30 2 * * *', { from: '2025-03-08T00:00:00Z', count: 3 });
    expect(spring.map((run) => wallClock(run, 'America/New_York'))).toEqual([
      'Sat 2025-03-08 02:30:00 -05:00',
      'Sun 2025-03-09 03:30:00 -04:00',
      'Mon 2025-03-10 02:30:00 -04:00',
    ]);
    const fall = firings('CRON_TZ=America/New_York 0 30 1 * * *', { from: '2025-11-01T00:00:00Z', count: 3 });
    expect(fall).toEqual(['2025-11-01T05:30:00Z', '2025-11-02T05:30:00Z', '2025-11-03T06:30:00Z']);
  });

  it('gives the same firings whatever the window’s start, across both changes', () => {
    for (const expression of [daily, 'CRON_TZ=Europe/Berlin 0 30 * * * *', 'CRON_TZ=Europe/Berlin 0 0,30 2 * * *']) {
      for (const [from, to] of [
        ['2025-03-29T22:00:00Z', '2025-03-30T04:00:00Z'],
        ['2025-10-25T22:00:00Z', '2025-10-26T04:00:00Z'],
      ] as const) {
        const all = firings(expression, { from, count: 20 });
        // Every quarter hour: starts on a firing (:00, :30) and between firings, across each clock change.
        for (let start = Date.parse(from); start < Date.parse(to); start += 15 * 60_000) {
          const later = all.filter((firing) => Date.parse(firing) >= start).slice(0, 3);
          expect(firings(expression, { from: new Date(start).toISOString(), count: 3 }), `${expression} from ${new Date(start).toISOString()}`).toEqual(later);
        }
      }
    }
  });

  it('the same schedule in a zone without daylight saving keeps its UTC time', () => {
    const runs = firings('CRON_TZ=Asia/Shanghai 0 30 2 * * *', { from: '2025-03-29T00:00:00Z', count: 3 });
    expect(runs).toEqual(['2025-03-29T18:30:00Z', '2025-03-30T18:30:00Z', '2025-03-31T18:30:00Z']);
  });
});

describe('the window', () => {
  it('includes a firing at from and excludes one at to', () => {
    expect(firings('0 0 * * * *', { from: '2025-03-07T10:00:00Z', to: '2025-03-07T12:00:00Z' })).toEqual(['2025-03-07T10:00:00Z', '2025-03-07T11:00:00Z']);
  });

  it('stops at count or to, whichever comes first', () => {
    expect(firings('0 0 * * * *', { from: '2025-03-07T10:00:00Z', to: '2025-03-07T12:00:00Z', count: 1 })).toEqual(['2025-03-07T10:00:00Z']);
    expect(firings('0 0 * * * *', { from: '2025-03-07T10:00:00Z', to: '2025-03-07T12:00:00Z', count: 5 })).toHaveLength(2);
    expect(firings('0 0 * * * *', { from: '2025-03-07T10:00:00Z', count: 0 })).toEqual([]);
  });

  it('needs an end', () => {
    expect(() => timerSchedule(parseTimerExpression('0 0 * * * *'), { from: new Date() })).toThrow(
      expect.objectContaining({ name: 'FcSimError', code: 'E_INVALID_PARAMS' }),
    );
  });

  it('overrides CRON_TZ with the zone option', () => {
    const expression = parseTimerExpression('CRON_TZ=Asia/Shanghai 0 0 4 * * *', { zone: 'Europe/Berlin' });
    expect(timerSchedule(expression, { from: new Date('2025-01-01T00:00:00Z'), count: 1 })).toEqual([new Date('2025-01-01T03:00:00Z')]);
  });
});

describe('the machine’s time zone plays no part', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('0 0 4 * * * fires at 04:00Z with TZ=Asia/Shanghai', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(firings('0 0 4 * * *', { from: '2025-01-01T00:00:00Z', count: 1 })).toEqual(['2025-01-01T04:00:00Z']);
  });
});

describe('zonedTime', () => {
  it('shows the wall clock, weekday and offset; UTC is +00:00', () => {
    expect(zonedTime(new Date('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2025-10-26', time: '02:30:00', weekday: 'Sun', offset: '+01:00' });
    expect(zonedTime(new Date('2025-03-07T01:30:00Z'), 'UTC')).toEqual({ date: '2025-03-07', time: '01:30:00', weekday: 'Fri', offset: '+00:00' });
    expect(zonedTime(new Date('2025-03-07T18:30:00Z'), 'Asia/Kolkata')).toEqual({ date: '2025-03-08', time: '00:00:00', weekday: 'Sat', offset: '+05:30' });
  });
});
