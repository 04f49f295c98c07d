import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitXml } from '../../src/project/junit.js';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';

const projects = resolve('fixtures/projects');

describe('testProject', () => {
  // fun-app (the Fun template) goes through the same testProject in test/cli/test.test.ts, from its command line.
  it.each(['fc3-app', 'fc-app'])('passes every trigger of %s with events matching its config', async (name) => {
    const results = await testProject(loadProject(join(projects, name)), { runs: 30, seed: 1 });
    expect(results.filter((result) => result.outcome !== 'passed')).toEqual([]);
    expect(results.length).toBe(7);
    for (const result of results.filter((r) => ['oss', 'http', 'cdn_events'].includes(r.type))) expect(result.rejected?.count).toBe(20);
  });

  it('reports a failing trigger with the shrunk event, and skips what it cannot generate', async () => {
    const results = await testProject(loadProject(join(projects, 'failing-app')), { runs: 30, seed: 1 });
    expect(results.map((result) => [result.function, result.trigger, result.outcome])).toEqual([
      ['job', 'every-hour', 'failed'],
      ['ok', 'devices', 'skipped'],
    ]);
    // The trigger's payload is fixed by its config: the event shrinks to the trigger's own payload, "run now".
    expect(results[0]!.detail).toMatch(/"payload": "run now"/);
    expect(results[0]!.detail).toMatch(/"triggerTime": "\d{4}-\d\d-\d\dT\d\d:00:00Z"/);
    expect(results[1]!.detail).toBe('no events for eventbridge triggers yet');

    const xml = junitXml('failing-app', results);
    expect(xml).toContain('<testsuite name="failing-app" tests="2" failures="1" skipped="1"');
    expect(xml).toMatch(
      /<testcase classname="job" name="every-hour \(timer\)" time="[\d.]+">\n {6}<failure message="fc-sim: the handler failed &quot;no-unhandled-error&quot;/,
    );
    expect(xml).toContain('<skipped message="no events for eventbridge triggers yet"/>');
  });
});
