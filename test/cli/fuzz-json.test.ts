/** `fc-sim fuzz --json`: one JSON line per event run, then the run's outcome; `--invocation-type async` honoured. */
import { describe, expect, it } from 'vitest';
import { saveFailure } from '../../src/testing/failures.js';
import { sourceCorpusKey } from '../../src/testing/replay-command.js';
import { buildOssEvent } from '../../src/triggers/oss/build.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const handlers = ['--code-dir', 'fixtures/handlers'];
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** A saved failure of `echo.handler` on oss whose event is `bytes` long: fuzz replays it before drawing events. */
function savedEventOf(bytes: number): string {
  const dir = tempDir('fc-sim-fuzz-json-');
  const event = { ...buildOssEvent({ key: 'big.bin' }), padding: '' };
  event.padding = 'x'.repeat(bytes - JSON.stringify(event).length);
  expect(JSON.stringify(event)).toHaveLength(bytes);
  saveFailure(dir, {
    fcSim: 'failure',
    source: 'oss',
    corpus: { key: sourceCorpusKey('echo.handler', 'oss') },
    delivery: 'event',
    check: 'no-unhandled-error',
    message: 'saved by the test',
    seed: 1,
    path: '0',
    handler: 'echo.handler',
    savedAt: new Date(0).toISOString(),
    event,
  });
  return dir;
}

describe('fc-sim fuzz --json', () => {
  it('prints one line per event, as replay records them, then the summary', async () => {
    const run = await runCli(['fuzz', 'oss', '--handler', 'echo.handler', ...handlers, '--runs', '5', '--no-save', '--seed', '5', '--json']);
    expect(run.status).toBe(0);
    const records = lines(run.stdout);
    expect(records).toHaveLength(6);
    records.slice(0, 5).forEach((record, at) => {
      expect(record).toMatchObject({ index: at + 1, event: `#${at + 1}`, phase: 'drawn', passed: true, status: 'success' });
      expect(record.requestId).toEqual(expect.any(String));
    });
    expect(records[5]).toEqual({ passed: true, handler: 'echo.handler', source: 'oss', runs: 5, seed: 5, replayed: 0 });
  });

  it('on a failure: every event run (drawn, shrinking tries, the minimal one again), then the failure', async () => {
    const run = await runCli(['fuzz', 'mns', '--handler', 'planted/mns-stream-json.handler', ...handlers, '--runs', '50', '--no-save', '--json']);
    expect(run.status).toBe(1);
    const records = lines(run.stdout);
    const events = records.slice(0, -1);
    // N events run, N lines: numbered without a gap.
    expect(events.map((record) => record.index)).toEqual(events.map((_, at) => at + 1));
    const phases = events.map((record) => record.phase);
    expect(phases.indexOf('shrinking')).toBeGreaterThan(phases.lastIndexOf('drawn'));
    expect(events.at(-1)).toMatchObject({ phase: 'confirming', passed: false, check: 'no-unhandled-error' });
    expect(records.at(-1)).toMatchObject({ passed: false, check: 'no-unhandled-error', event: '', runs: expect.any(Number) });
  });

  it('labels a replayed saved failure with its file', async () => {
    const dir = savedEventOf(1000);
    const run = await runCli(['fuzz', 'oss', '--handler', 'echo.handler', ...handlers, '--runs', '2', '--failures', dir, '--json']);
    expect(run.status).toBe(0);
    const records = lines(run.stdout);
    expect(records[0]).toMatchObject({ index: 1, phase: 'saved', event: expect.stringMatching(/oss-no-unhandled-error-\w+\.json$/), passed: true });
    expect(records.map((record) => record.phase)).toEqual(['saved', 'drawn', 'drawn', undefined]);
    expect(records[3]).toMatchObject({ passed: true, runs: 2, replayed: 1 });
  });
});

describe('fc-sim fuzz --invocation-type', () => {
  // A 200 KB event: within a synchronous invocation's 32 MB, over an asynchronous one's 128 KB.
  it('async: events go as asynchronous invocations, which FC refuses over 128 KB', async () => {
    const dir = savedEventOf(200 * 1024);
    const args = ['fuzz', 'oss', '--handler', 'echo.handler', ...handlers, '--runs', '1', '--failures', dir];
    const sync = await runCli([...args, '--json']);
    expect(sync.status).toBe(0);
    const asynchronous = await runCli([...args, '--invocation-type', 'async', '--json']);
    expect(asynchronous.status).toBe(1);
    const [replayed] = lines(asynchronous.stdout);
    expect(replayed).toMatchObject({ phase: 'saved', passed: false, status: 'rejected', error: { errorCode: 'EntityTooLarge' } });
  });

  it('is refused when neither sync nor async', async () => {
    const run = await runCli(['fuzz', 'oss', '--handler', 'echo.handler', ...handlers, '--invocation-type', 'later']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--invocation-type: expected sync or async, got "later"/);
  });
});
