/**
 * `fc-sim serve` and `fc-sim test` run a project function with the same runtime config: the fixture's handler
 * reports what its instance sees (context, environment, code root, heap limit, initializer) over HTTP when served,
 * and in the logs of its failure report when tested.
 */
import { join, resolve, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';
import { cleanUp, serve } from '../serve/helpers.js';

afterEach(cleanUp);

const fixture = resolve('fixtures/projects/runtime-config');

interface Report {
  context: { function: Record<string, unknown>; service: Record<string, unknown>; region: string; accountId: string };
  env: Record<string, string>;
  cwd: string;
  initialized: boolean;
  heapLimitMb: number;
}

async function served(format: 'fc' | 'fc3'): Promise<Report> {
  const { url } = await serve(loadProject(join(fixture, format)));
  const response = await fetch(`${url}${format === 'fc' ? '/2016-08-15/proxy/settings/reporter/' : '/2023-03-30/functions/reporter/'}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

async function tested(format: 'fc' | 'fc3'): Promise<Report> {
  const results = await testProject(loadProject(join(fixture, format)), { runs: 1, seed: 1 });
  expect(results.map((result) => [result.trigger, result.outcome])).toEqual([
    ['web', 'passed'],
    ['hourly', 'failed'],
  ]);
  const line = /CONFIG (\{.*\})$/m.exec(results[1]!.detail);
  expect(line).not.toBeNull();
  return JSON.parse(line![1]!) as Report;
}

describe('a project function runs with one runtime config in fc-sim serve and fc-sim test', () => {
  it.each([
    ['fc', { runtime: 'nodejs16', memory: 384, timeout: 7, region: 'cn-beijing', greeting: 'hello from the project', service: 'settings' }],
    ['fc3', { runtime: 'nodejs20', memory: 640, timeout: 9, region: 'ap-southeast-1', greeting: 'hello from fc3', service: undefined }],
  ] as const)('%s', async (format, expected) => {
    const [fromServe, fromTest] = await Promise.all([served(format), tested(format)]);
    expect(fromTest).toEqual(fromServe);
    // The settings are the project's, not fc-sim's defaults.
    const { context, env } = fromServe;
    expect([context.function.name, context.function.handler, context.function.memory, context.function.timeout, context.region]).toEqual([
      'reporter',
      'index.handler',
      expected.memory,
      expected.timeout,
      expected.region,
    ]);
    expect([env.GREETING, env.FC_RUNTIME_VERSION, env.FC_FUNC_CODE_PATH, env.FC_SERVICE_NAME, fromServe.cwd]).toEqual([
      expected.greeting,
      expected.runtime,
      // FC's `/code/`, with its trailing slash.
      `${join(fixture, 'code')}${sep}`,
      expected.service,
      join(fixture, 'code'),
    ]);
    expect(fromServe.initialized).toBe(true);
    if (format === 'fc') expect([context.function.initializer, context.function.initializationTimeout]).toEqual(['index.initialize', 4]);
  });
});
