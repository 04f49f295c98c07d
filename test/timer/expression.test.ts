import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import type { CronTimerExpression } from '../../src/timer/expression.js';
import { parseTimerExpression } from '../../src/timer/expression.js';
import { DAY_OF_WEEK_NUMBERS } from '../../src/timer/fields.js';
import type { TimerExpressionError } from '../../src/timer/timer-expression-error.js';
import { refusal } from './refusal.js';

function cron(source: string): CronTimerExpression {
  const expression = parseTimerExpression(source);
  if (expression.kind !== 'cron') throw new Error(`not a cron expression: ${source}`);
  return expression;
}

const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describe('parseTimerExpression: what FC accepts', () => {
  it('reads six fields, seconds first, in UTC by default', () => {
    const expression = cron('0 */5 * * * *');
    expect(expression).toMatchObject({ kind: 'cron', source: '0 */5 * * * *', zone: 'UTC', cronTz: undefined });
    expect(expression.fields.second).toEqual({ text: '0', values: [0], wildcard: false });
    expect(expression.fields.minute.values).toEqual(range(0, 55, 5));
    expect(expression.fields.hour).toEqual({ text: '*', values: range(0, 23), wildcard: true });
    expect(expression.fields.dayOfMonth.values).toEqual(range(1, 31));
    expect(expression.fields.month.values).toEqual(range(1, 12));
    expect(expression.fields.dayOfWeek.values).toEqual(range(1, 7));
  });

  it('takes CRON_TZ=<IANA zone> and names of months and days in any case', () => {
    const expression = cron('CRON_TZ=Asia/Shanghai 0 30 9 ? * mon-Fri');
    expect(expression).toMatchObject({ zone: 'Asia/Shanghai', cronTz: 'Asia/Shanghai' });
    expect(expression.fields.dayOfMonth).toEqual({ text: '?', values: range(1, 31), wildcard: true });
    expect(expression.fields.dayOfWeek.values).toEqual([1, 2, 3, 4, 5]);
    expect(cron('0 0 0 1 jan,Apr,JUL-sep/2 ?').fields.month.values).toEqual([1, 4, 7, 9]);
  });

  it('numbers the days as FC does: 1 = MON … 7 = SUN', () => {
    expect(DAY_OF_WEEK_NUMBERS).toEqual({ MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 });
    expect(cron('0 0 0 ? * SUN').fields.dayOfWeek.values).toEqual([7]);
    expect(cron('0 0 0 ? * SAT-SUN').fields.dayOfWeek.values).toEqual([6, 7]);
    expect(cron('0 0 0 ? * 6,7').fields.dayOfWeek.values).toEqual([6, 7]);
  });

  it('takes lists, ranges and steps (a/n runs to the end of the field)', () => {
    const expression = cron('30 0,15-17,45 8-18/5 1/10 */3 *');
    expect(expression.fields.second.values).toEqual([30]);
    expect(expression.fields.minute.values).toEqual([0, 15, 16, 17, 45]);
    expect(expression.fields.hour.values).toEqual([8, 13, 18]);
    expect(expression.fields.dayOfMonth.values).toEqual([1, 11, 21, 31]);
    expect(expression.fields.month.values).toEqual([1, 4, 7, 10]);
  });

  it('takes a day-of-month that exists only in some of the months, and 29 February', () => {
    expect(cron('0 0 0 31 4,5 ?').fields.dayOfMonth.values).toEqual([31]);
    expect(cron('0 0 0 29 2 ?').fields.month.values).toEqual([2]);
  });

  it('tolerates surrounding and repeated whitespace', () => {
    expect(cron('  0  0 4 * * *  ').fields.hour.values).toEqual([4]);
  });

  it('reads @every <duration> in seconds', () => {
    expect(parseTimerExpression('@every 4m')).toEqual({ kind: 'every', source: '@every 4m', zone: 'UTC', cronTz: undefined, intervalSeconds: 240 });
  });

  it('runs in the zone option, over CRON_TZ=', () => {
    expect(parseTimerExpression('CRON_TZ=Asia/Shanghai 0 0 4 * * *', { zone: 'Europe/Berlin' })).toMatchObject({
      zone: 'Europe/Berlin',
      cronTz: 'Asia/Shanghai',
    });
    expect(parseTimerExpression('@every 5m', { zone: 'Asia/Shanghai' })).toMatchObject({ zone: 'Asia/Shanghai', cronTz: undefined });
  });

  it('accepts zone links Intl knows (US/Eastern)', () => {
    expect(cron('CRON_TZ=US/Eastern 0 0 4 * * *').zone).toBe('US/Eastern');
  });
});

describe('parseTimerExpression: what FC refuses, with the part it points at', () => {
  // [expression, message, the part, the text the span covers]
  const refused: readonly (readonly [string, string, TimerExpressionError['part'], string | undefined])[] = [
    ['', 'empty expression: FC needs six fields (seconds first) or @every <duration>', 'expression', undefined],
    ['*/5 * * * *', '5 fields: FC needs 6 (seconds first): did you mean "0 */5 * * * *"?', 'expression', '*/5 * * * *'],
    [
      'CRON_TZ=Asia/Shanghai 30 9 * * *',
      '5 fields: FC needs 6 (seconds first): did you mean "CRON_TZ=Asia/Shanghai 0 30 9 * * *"?',
      'expression',
      '30 9 * * *',
    ],
    ['0 0 12 1 1 ? 2025', '7 fields: FC needs 6 (seconds first) and has no year field', 'expression', '0 0 12 1 1 ? 2025'],
    ['0 0 12', '3 fields: FC needs 6 (seconds first): second minute hour day-of-month month day-of-week', 'expression', '0 0 12'],
    ['0 61 * * * *', 'minute field "61": out of range 0–59', 'minute', '61'],
    ['0 0,61 * * * *', 'minute field "61" (in "0,61"): out of range 0–59', 'minute', '61'],
    ['60 * * * * *', 'second field "60": out of range 0–59', 'second', '60'],
    ['0 0 24 * * *', 'hour field "24": out of range 0–23', 'hour', '24'],
    ['0 0 0 32 * ?', 'day-of-month field "32": out of range 1–31', 'dayOfMonth', '32'],
    ['0 0 0 0 * ?', 'day-of-month field "0": out of range 1–31', 'dayOfMonth', '0'],
    ['0 0 0 1 13 ?', 'month field "13": out of range 1–12', 'month', '13'],
    ['0 0 0 ? * 0', 'day-of-week field "0": out of range 1–7: FC numbers the days MON=1 … SUN=7', 'dayOfWeek', '0'],
    ['0 0 0 ? * 0-4', 'day-of-week field "0-4": "0" is out of range 1–7: FC numbers the days MON=1 … SUN=7', 'dayOfWeek', '0-4'],
    ['0 0 0 ? * 8', 'day-of-week field "8": out of range 1–7: FC numbers the days MON=1 … SUN=7', 'dayOfWeek', '8'],
    ['*/10 * * * * *', 'second field "*/10": FC takes one number 0–59 here (a timer fires at most once a minute)', 'second', '*/10'],
    ['0,30 * * * * *', 'second field "0,30": FC takes one number 0–59 here (a timer fires at most once a minute)', 'second', '0,30'],
    ['0 ? * * * *', 'minute field "?": ? is only allowed in day-of-month and day-of-week', 'minute', '?'],
    ['0 0 0 * ? *', 'month field "?": ? is only allowed in day-of-month and day-of-week', 'month', '?'],
    ['0 0 0 ? * */2', 'day-of-week field "*/2": FC does not allow / in this field (allowed: , - * ?)', 'dayOfWeek', '*/2'],
    ['0 0 0 L * ?', 'day-of-month field "L": FC does not support L (last)', 'dayOfMonth', 'L'],
    ['0 0 0 L-3 * ?', 'day-of-month field "L-3": FC does not support L (last)', 'dayOfMonth', 'L-3'],
    ['0 0 0 LW * ?', 'day-of-month field "LW": FC does not support L (last)', 'dayOfMonth', 'LW'],
    ['0 0 0 ? * L', 'day-of-week field "L": FC does not support L (last)', 'dayOfWeek', 'L'],
    ['0 0 0 ? * 5L', 'day-of-week field "5L": FC does not support L (last)', 'dayOfWeek', '5L'],
    ['0 0 0 ? * FRIL', 'day-of-week field "FRIL": FC does not support L (last)', 'dayOfWeek', 'FRIL'],
    ['0 0 0 15W * ?', 'day-of-month field "15W": FC does not support W (nearest weekday)', 'dayOfMonth', '15W'],
    ['0 0 0 ? * 1#2', 'day-of-week field "1#2": FC does not support # (nth weekday of the month)', 'dayOfWeek', '1#2'],
    ['0 0 0 ? * MON#1', 'day-of-week field "MON#1": FC does not support # (nth weekday of the month)', 'dayOfWeek', 'MON#1'],
    ['0 H * * * *', 'minute field "H": FC does not support H (hashed values)', 'minute', 'H'],
    ['0 H(0-29)/10 * * * *', 'minute field "H(0-29)/10": FC does not support H (hashed values)', 'minute', 'H(0-29)/10'],
    ['0 1.5 * * * *', 'minute field "1.5": unexpected character "."', 'minute', '1.5'],
    ['0 x * * * *', 'minute field "x": not a number', 'minute', 'x'],
    ['0 0 MON * * *', 'hour field "MON": not a number', 'hour', 'MON'],
    ['0 0 0 * JANUARY ?', 'month field "JANUARY": not a month name (JAN–DEC)', 'month', 'JANUARY'],
    ['0 0 0 ? * MONDAY', 'day-of-week field "MONDAY": not a day name (MON–SUN)', 'dayOfWeek', 'MONDAY'],
    ['0 0 0 ? * MON-FRIDAY', 'day-of-week field "MON-FRIDAY": "FRIDAY" is not a day name (MON–SUN)', 'dayOfWeek', 'MON-FRIDAY'],
    ['0 0 0 * MON ?', 'month field "MON": not a month name (JAN–DEC)', 'month', 'MON'],
    ['0 0 0 ? * FRI-MON', 'day-of-week field "FRI-MON": range runs backwards (5-1)', 'dayOfWeek', 'FRI-MON'],
    ['0 0 22-2 * * *', 'hour field "22-2": range runs backwards (22-2)', 'hour', '22-2'],
    ['0 */0 * * * *', 'minute field "*/0": step must be at least 1', 'minute', '*/0'],
    ['0 */ * * * *', 'minute field "*/": missing step after /', 'minute', '*/'],
    ['0 */x * * * *', 'minute field "*/x": step "x" is not a number', 'minute', '*/x'],
    ['0 0 0 ?/2 * *', 'day-of-month field "?/2": ? takes no step', 'dayOfMonth', '?/2'],
    ['0 1,,2 * * * *', 'minute field "1,,2": empty list item', 'minute', '1,,2'],
    ['0 1-2-3 * * * *', 'minute field "1-2-3": not a value, a range or a step (e.g. 5, 1-5, */15)', 'minute', '1-2-3'],
    ['0 0 0 1 * MON', 'day-of-month "1" and day-of-week "MON" are both set: FC needs * or ? in one of them', 'dayOfWeek', '1 * MON'],
    ['0 0 0 1-31 * 1-7', 'day-of-month "1-31" and day-of-week "1-7" are both set: FC needs * or ? in one of them', 'dayOfWeek', '1-31 * 1-7'],
    ['0 0 0 30 2 ?', 'day-of-month field "30": never falls in month "2" (the timer would never fire)', 'dayOfMonth', '30'],
    ['0 0 0 31 4,6,9,11 ?', 'day-of-month field "31": never falls in month "4,6,9,11" (the timer would never fire)', 'dayOfMonth', '31'],
    ['@daily', '"@daily": FC does not accept cron macros: did you mean "0 0 0 * * *"?', 'expression', '@daily'],
    ['@weekly', '"@weekly": FC does not accept cron macros: did you mean "0 0 0 ? * SUN"?', 'expression', '@weekly'],
    ['@yearly', '"@yearly": FC does not accept cron macros: did you mean "0 0 0 1 1 ?"?', 'expression', '@yearly'],
    ['@reboot', '"@reboot": not an FC expression', 'expression', '@reboot'],
    ['TZ=Asia/Shanghai 0 0 4 * * *', '"TZ=": FC\'s zone prefix is CRON_TZ=', 'zone', 'TZ='],
    ['cron_tz=Asia/Shanghai 0 0 4 * * *', '"cron_tz=": FC\'s zone prefix is CRON_TZ=', 'zone', 'cron_tz='],
    ['CRON_TZ=Mars/Olympus 0 0 4 * * *', 'CRON_TZ "Mars/Olympus": not an IANA time zone', 'zone', 'Mars/Olympus'],
    ['CRON_TZ=+08:00 0 0 4 * * *', 'CRON_TZ "+08:00": not an IANA time zone', 'zone', '+08:00'],
    ['CRON_TZ=asia/shanghai 0 0 4 * * *', 'CRON_TZ "asia/shanghai": time zone names are case-sensitive: write "Asia/Shanghai"', 'zone', 'asia/shanghai'],
    ['CRON_TZ=utc 0 0 4 * * *', 'CRON_TZ "utc": time zone names are case-sensitive: write "UTC"', 'zone', 'utc'],
    ['CRON_TZ= 0 0 4 * * *', 'CRON_TZ: missing time zone (e.g. Asia/Shanghai)', 'zone', ''],
    ['CRON_TZ=Asia/Shanghai', 'CRON_TZ=Asia/Shanghai: no schedule after the zone', 'expression', 'CRON_TZ=Asia/Shanghai'],
    [
      'CRON_TZ=Asia/Shanghai @every 5m',
      'CRON_TZ=Asia/Shanghai with @every: FC takes "@every <duration>" alone (an interval does not depend on the zone)',
      'zone',
      'CRON_TZ=Asia/Shanghai',
    ],
  ];

  it.each(refused)('%j', (source, message, part, spanned) => {
    const error = refusal(source);
    expect(error.message).toBe(message);
    expect(error.part).toBe(part);
    expect(error.span && source.slice(error.span.start, error.span.end)).toBe(spanned);
  });

  it('is an input error (exit status 2, no stack trace in the CLI)', () => {
    const error = refusal('0 61 * * * *');
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ code: 'E_TIMER_EXPRESSION', exitCode: 2 });
  });

  it('says what to write instead', () => {
    expect(refusal('0 0 0 ? * 0').hint).toBe('write 7 or SUN for Sunday');
    expect(refusal('0 0 0 ? * FRI-MON').hint).toBe('split it in two: FRI-SUN,MON');
    expect(refusal('0 0 22-2 * * *').hint).toBe('split it in two: 22-23,0-2');
    expect(refusal('0 0 0 1 * MON').hint).toBe('e.g. "0 0 0 1 * ?" (by day of the month) or "0 0 0 ? * MON" (by day of the week)');
    expect(refusal('0 0 0 L * ?').hint).toMatch(/28-31/);
    expect(refusal('0 0 0 ? * 5L').hint).toMatch(/last Friday/);
    expect(refusal('CRON_TZ=+08:00 0 0 4 * * *').hint).toMatch(/Etc\/GMT-8/);
    expect(refusal('TZ=UTC 0 0 4 * * *').hint).toBe('write "CRON_TZ=UTC"');
    expect(refusal('CRON_TZ=Asia/Shanghai @every 5m').hint).toBe('write "@every 5m"');
  });

  it('checks the zone option too', () => {
    expect(() => parseTimerExpression('0 0 4 * * *', { zone: 'Mars/Olympus' })).toThrow('time zone "Mars/Olympus": not an IANA time zone');
  });
});
