/**
 * A trigger whose config lets no event through gets the same reading everywhere: `fc-sim test` reports it as that
 * trigger's failure (no stack trace, the other triggers still tested), `fc-sim serve` refuses every method of an
 * HTTP trigger with `methods: []`, as `fc-sim test` draws none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { matchingEvents } from '../../src/project/matching-events.js';
import { HTTP_METHODS } from '../../src/triggers/http/methods.js';
import { runCli } from '../helpers/run-cli.js';
import { cleanUp, serve } from '../serve/helpers.js';

afterEach(cleanUp);

const fixture = 'fixtures/projects/nothing-through';

describe('triggers that let nothing through', () => {
  it('fc-sim test: a failure of that trigger, named with its reason, and the others tested', async () => {
    const run = await runCli(['test', '--runs', '5', '--project', fixture]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ closed ← no-methods \(http\):\n.*lets no event through: methods names no HTTP method/);
    expect(run.stdout).toMatch(/✗ mislabelled ← uploads \(oss\):\n.*lets no event through: no OSS event name in events \(oss:ObjectCreated:Put\)/);
    expect(run.stdout).toMatch(/✓ ticking ← hourly \(timer\): 5 events passed/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('methods: [] allows no method in fc-sim serve either: 405 for each', async () => {
    const project = loadProject(fixture);
    const [trigger] = project.functions.find((fn) => fn.name === 'closed')!.triggers;
    expect(() => matchingEvents(trigger!, { fcVersion: 3 })).toThrow(/lets no event through/);
    const { url } = await serve(project);
    for (const method of HTTP_METHODS) {
      const response = await fetch(`${url}/2023-03-30/functions/closed/x`, { method, ...(method === 'GET' || method === 'HEAD' ? {} : { body: 'x' }) });
      expect(response.status, method).toBe(405);
    }
  });
});
