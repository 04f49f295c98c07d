import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { validate } from '../../src/schema/validate.js';

const weekdays = 'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI';

/** Runs `fc-sim timer --cron …` and expects success without warnings. */
async function schedule(...args: string[]): Promise<string> {
  const run = await runCli(['timer', '--cron', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('fc-sim timer --cron', () => {
  it('prints the next five firings in UTC and in the expression’s zone', async () => {
    expect(await schedule(weekdays, '--count', '5', '--from', '2025-03-07T00:00:00Z')).toBe(
      [
        'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI: 5 firings from 2025-03-07T00:00:00Z',
        '',
        '#  UTC                      Asia/Shanghai                   triggerTime',
        '1  Fri 2025-03-07 01:30:00  Fri 2025-03-07 09:30:00 +08:00  2025-03-07T01:30:00Z',
        '2  Mon 2025-03-10 01:30:00  Mon 2025-03-10 09:30:00 +08:00  2025-03-10T01:30:00Z',
        '3  Tue 2025-03-11 01:30:00  Tue 2025-03-11 09:30:00 +08:00  2025-03-11T01:30:00Z',
        '4  Wed 2025-03-12 01:30:00  Wed 2025-03-12 09:30:00 +08:00  2025-03-12T01:30:00Z',
        '5  Thu 2025-03-13 01:30:00  Thu 2025-03-13 09:30:00 +08:00  2025-03-13T01:30:00Z',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the timer event FC sends at each firing, one per line', async () => {
    const lines = (await schedule(weekdays, '--count', '5', '--from', '2025-03-07T00:00:00Z', '--json')).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const events = lines.map((line) => JSON.parse(line));
    for (const event of events) expect(validate('timer', event).issues).toEqual([]);
    expect(events.map((event) => event.triggerTime)).toEqual([
      '2025-03-07T01:30:00Z',
      '2025-03-10T01:30:00Z',
      '2025-03-11T01:30:00Z',
      '2025-03-12T01:30:00Z',
      '2025-03-13T01:30:00Z',
    ]);
    expect(events[0]).toEqual({ triggerTime: '2025-03-07T01:30:00Z', triggerName: 'timer-trigger', payload: 'awesome-fc' });
  });

  it('puts --payload and --trigger-name in every event', async () => {
    const lines = await schedule(
      '@every 4m',
      '--from',
      '2025-03-07T00:00:00Z',
      '--count',
      '2',
      '--json',
      '--payload',
      '{"job":"cleanup"}',
      '--trigger-name',
      'nightly',
    );
    expect(lines).toBe(
      '{"triggerTime":"2025-03-07T00:04:00Z","triggerName":"nightly","payload":"{\\"job\\":\\"cleanup\\"}"}\n' +
        '{"triggerTime":"2025-03-07T00:08:00Z","triggerName":"nightly","payload":"{\\"job\\":\\"cleanup\\"}"}\n',
    );
  });

  it('prints 10 firings unless --count or --to says otherwise', async () => {
    const rows = (output: string) => output.split('\n').filter((line) => /^\d+ +[A-Z][a-z]{2} /.test(line));
    expect(rows(await schedule('0 */5 * * * *', '--from', '2025-03-07T00:00:00Z'))).toHaveLength(10);
    const window = await schedule('0 */5 * * * *', '--from', '2025-03-07T00:00:00Z', '--to', '2025-03-07T02:00:00Z');
    expect(window.split('\n')[0]).toBe('0 */5 * * * *: 24 firings from 2025-03-07T00:00:00Z to 2025-03-07T02:00:00Z');
    expect(rows(window)).toHaveLength(24);
    expect(rows(window).at(-1)).toMatch(/^24 .* 2025-03-07T01:55:00Z$/);
    expect(rows(await schedule('0 */5 * * * *', '--from', '2025-03-07T00:00:00Z', '--to', '2025-03-07T02:00:00Z', '--count', '3'))).toHaveLength(3);
  });

  it('starts now by default', async () => {
    const before = Date.now();
    const [first] = (await schedule('0 * * * * *', '--count', '1', '--json'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).triggerTime as string);
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(first!)).toBeLessThanOrEqual(before + 61_000);
  });

  it('shows daylight saving in the zone column (the offset tells the two 02:30s apart)', async () => {
    const output = await schedule('CRON_TZ=Europe/Berlin 0 30 * * * *', '--from', '2025-10-26T00:00:00Z', '--count', '2');
    expect(output).toContain('1  Sun 2025-10-26 00:30:00  Sun 2025-10-26 02:30:00 +02:00  2025-10-26T00:30:00Z');
    expect(output).toContain('2  Sun 2025-10-26 01:30:00  Sun 2025-10-26 02:30:00 +01:00  2025-10-26T01:30:00Z');
  });

  it('--tz sets the zone of an expression without CRON_TZ=', async () => {
    const output = await schedule('0 0 4 * * *', '--tz', 'Asia/Shanghai', '--from', '2025-01-01T00:00:00Z', '--count', '1');
    expect(output).toContain('1  Wed 2025-01-01 20:00:00  Thu 2025-01-02 04:00:00 +08:00  2025-01-01T20:00:00Z');
  });

  it('--tz overrides CRON_TZ=, with a warning', async () => {
    const run = await runCli([
      'timer',
      '--cron',
      'CRON_TZ=Asia/Shanghai 0 0 4 * * *',
      '--tz',
      'Europe/Berlin',
      '--from',
      '2025-01-01T00:00:00Z',
      '--count',
      '1',
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("fc-sim: warning: --tz Europe/Berlin overrides the expression's CRON_TZ=Asia/Shanghai (FC runs it in Asia/Shanghai)\n");
    expect(run.stdout).toContain('2025-01-01T03:00:00Z');
  });

  it('takes --from and --to as dates (midnight UTC), offsets or epoch milliseconds', async () => {
    expect(await schedule('0 0 0 * * *', '--from', '2025-03-07', '--count', '1', '--json')).toContain('"2025-03-07T00:00:00Z"');
    expect(await schedule('0 0 0 * * *', '--from', '2025-03-07T08:00:00+08:00', '--count', '1', '--json')).toContain('"2025-03-07T00:00:00Z"');
    expect(await schedule('0 0 0 * * *', '--from', String(Date.parse('2025-03-07T00:00:00Z')), '--count', '1', '--json')).toContain('"2025-03-07T00:00:00Z"');
  });
});

describe('fc-sim timer --cron: mistakes exit 2 and point at them', () => {
  const refused = async (...args: string[]) => {
    const run = await runCli(['timer', ...args]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
    return run.stderr;
  };

  it('underlines the bad field', async () => {
    expect(await refused('--cron', '0 61 * * * *')).toBe('fc-sim: --cron: minute field "61": out of range 0–59\n  0 61 * * * *\n    ^^\n');
    expect(await refused('--cron', 'CRON_TZ=Asia/Shanghai 0 0 9 ? * 0')).toBe(
      'fc-sim: --cron: day-of-week field "0": out of range 1–7: FC numbers the days MON=1 … SUN=7\n' +
        '  CRON_TZ=Asia/Shanghai 0 0 9 ? * 0\n' +
        '                                  ^\n' +
        '  hint: write 7 or SUN for Sunday\n',
    );
  });

  it.each([
    [['--cron', '*/5 * * * *'], '5 fields: FC needs 6 (seconds first): did you mean "0 */5 * * * *"?'],
    [['--cron', '0 0 0 L * ?'], 'day-of-month field "L": FC does not support L (last)'],
    [['--cron', '@every 30s'], '@every "30s": below FC\'s minimum interval of 1 minute'],
    [['--cron', '@daily'], '"@daily": FC does not accept cron macros: did you mean "0 0 0 * * *"?'],
    [['--cron', 'CRON_TZ=Mars/Olympus 0 0 4 * * *'], 'CRON_TZ "Mars/Olympus": not an IANA time zone'],
    [['--cron', ''], 'empty expression: FC needs six fields (seconds first) or @every <duration>'],
  ])('%j', async (args, message) => {
    expect(await refused(...args)).toContain(`fc-sim: --cron: ${message}\n`);
  });

  it.each([
    [['--cron', '0 0 4 * * *', '--tz', 'Mars/Olympus'], 'fc-sim: --tz "Mars/Olympus": not an IANA time zone'],
    [['--cron', '0 0 4 * * *', '--tz', 'asia/shanghai'], 'fc-sim: --tz "asia/shanghai": time zone names are case-sensitive: write "Asia/Shanghai"'],
    [
      ['--cron', '0 0 4 * * *', '--from', '2025-03-07T09:00:00'],
      'fc-sim: --from "2025-03-07T09:00:00": add Z or an offset (+08:00); fc-sim never uses the machine\'s time zone',
    ],
    [['--cron', '0 0 4 * * *', '--from', 'yesterday'], 'fc-sim: --from "yesterday": not a time'],
    [
      ['--cron', '0 0 4 * * *', '--from', '2025-03-07T00:00:00Z', '--to', '2025-03-06T00:00:00Z'],
      'fc-sim: --to: 2025-03-06T00:00:00Z is not after --from 2025-03-07T00:00:00Z',
    ],
    [['--cron', '0 0 4 * * *', '--count', '0'], 'fc-sim: --count: expected a whole number ≥ 1, got "0"'],
    [['--cron', '0 0 4 * * *', '--time', '2025-03-07T00:00:00Z'], 'fc-sim: --time: with --cron every firing sets triggerTime'],
    [['--cron', '0 0 4 * * *', '--random'], 'fc-sim: --random: not available with --cron'],
    [['--cron', '0 0 4 * * *', '--set', 'payload=x'], 'fc-sim: --set: not available with --cron'],
    [['--cron', '0 0 4 * * *', '--trigger-name', 'bad name'], 'fc-sim: these values make an event FC would not send:'],
    [['--tz', 'Asia/Shanghai'], 'fc-sim: --tz: only with --cron'],
    [['--from', '2025-03-07T00:00:00Z'], 'fc-sim: --from: only with --cron'],
  ])('%j', async (args, message) => {
    expect((await refused(...args)).split('\n')[0]).toBe(message);
  });

  it('refuses a window of more than 100000 firings', async () => {
    // @every counts its firings without cron-parser (~26 µs a firing): the limit under test is the same for any expression.
    expect(await refused('--cron', '@every 1m', '--from', '2025-01-01T00:00:00Z', '--to', '2025-04-01T00:00:00Z')).toBe(
      'fc-sim: the window holds more than 100000 firings\n  hint: narrow --to, or add --count\n',
    );
  });
});

describe('fc-sim timer --cron --handler', () => {
  it('runs a handler over a month of firings in virtual time, on one warm instance', async () => {
    const started = Date.now();
    const run = await runCli([
      'timer',
      '--cron',
      '0 0 4 * * *',
      '--from',
      '2025-02-01T00:00:00Z',
      '--to',
      '2025-03-01T00:00:00Z',
      '--payload',
      'cleanup',
      '--handler',
      'timer-log.handler',
      '--code-dir',
      'fixtures/handlers',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(28);
    expect(records.map((record) => record.result.seen)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(records[0].result).toEqual({ seen: 1, triggerTime: '2025-02-01T04:00:00Z', payload: 'cleanup' });
    expect(records[27].result.triggerTime).toBe('2025-02-28T04:00:00Z');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('shows the schedule and each invocation, the Done-when command of issue 7', async () => {
    const run = await runCli([
      'timer',
      '--cron',
      'CRON_TZ=Asia/Shanghai 0 30 9 ? * MON-FRI',
      '--count',
      '5',
      '--from',
      '2025-03-07T00:00:00Z',
      '--handler',
      'fixtures/handlers/timer-log.handler',
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('5  Thu 2025-03-13 01:30:00  Thu 2025-03-13 09:30:00 +08:00  2025-03-13T01:30:00Z');
    expect(run.stderr.match(/^FC Invoke Start RequestId/gm)).toHaveLength(5);
    expect(run.stderr).toContain('fc-sim: 5 of 5 invocations succeeded');
  });

  it('fires on the wall clock with --realtime', async () => {
    // A second 3 s from now, every minute: the first firing comes in about 3 s.
    const second = (new Date().getUTCSeconds() + 3) % 60;
    const started = Date.now();
    const run = await runCli([
      'timer',
      '--cron',
      `${second} * * * * *`,
      '--count',
      '1',
      '--realtime',
      '--handler',
      'fixtures/handlers/timer-log.handler',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const { result } = JSON.parse(run.stdout);
    expect(new Date(result.triggerTime).getUTCSeconds()).toBe(second);
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(result.triggerTime).getTime());
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(run.stderr).toMatch(/fc-sim: next firing \S+ \(in \d s\)/);
  });

  it('refuses --realtime without a handler', async () => {
    const run = await runCli(['timer', '--cron', '0 * * * * *', '--realtime']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--realtime: fires a handler on the wall clock');
  });
});
