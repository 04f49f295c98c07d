import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import type { RunningServer } from '../../src/serve/server.js';
import { startServer } from '../../src/serve/server.js';

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A project whose one HTTP function answers after `ms`, with the id of the instance that ran it. */
function slowProject(ms: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'fc-sim-scaling-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'code'));
  writeFileSync(join(dir, 'code', 'package.json'), '{"type":"commonjs"}');
  writeFileSync(
    join(dir, 'code', 'index.js'),
    `exports.handler = async () => { await new Promise((r) => setTimeout(r, ${ms})); return { statusCode: 200, body: process.env.FC_INSTANCE_ID }; };\n`,
  );
  writeFileSync(
    join(dir, 's.yaml'),
    [
      'edition: 3.0.0',
      'name: slow',
      'resources:',
      '  slow:',
      '    component: fc3',
      '    props:',
      '      functionName: slow',
      '      runtime: nodejs20',
      '      code: ./code',
      '      handler: index.handler',
      '      triggers: [{ triggerName: http, triggerType: http, triggerConfig: { authType: anonymous, methods: [GET] } }]',
    ].join('\n'),
  );
  return dir;
}

const serve = async (dir: string, scaling?: { maxInstances: number; maxWaiting: number }, logs: string[] = []) => {
  const server = await startServer(loadProject(dir), {
    port: 0,
    watch: false,
    accessKey: null,
    log: (line) => logs.push(line),
    ...(scaling ? { scaling } : {}),
  });
  servers.push(server);
  return server;
};

describe('fc-sim serve scales as FC does', () => {
  it('starts another instance when every instance is busy', async () => {
    const server = await serve(slowProject(300));
    const bodies = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/2023-03-30/functions/slow/`).then((response) => response.text())));
    expect(new Set(bodies).size).toBe(3);
    // Warm now: the next request reuses one of them.
    expect(bodies).toContain(await fetch(`${server.url}/2023-03-30/functions/slow/`).then((response) => response.text()));
  });

  it("answers FC's 429 when the instances are busy and the waiting line is full", async () => {
    const server = await serve(slowProject(300), { maxInstances: 1, maxWaiting: 1 });
    const statuses = await Promise.all(
      [1, 2, 3].map(() => fetch(`${server.url}/2023-03-30/functions/slow/`).then(async (response) => [response.status, await response.text()] as const)),
    );
    expect(statuses.map(([status]) => status).sort()).toEqual([200, 200, 429]);
    expect(statuses.find(([status]) => status === 429)?.[1]).toContain('ResourceThrottled');
  });

  it('serves a custom runtime: the declared server started in the code folder answers the HTTP trigger', async () => {
    const logs: string[] = [];
    const server = await serve(resolve('fixtures/projects/functions-by-name'), undefined, logs);
    const home = await fetch(`${server.url}/2023-03-30/functions/web/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe('hello from web');
    const missing = await fetch(`${server.url}/2023-03-30/functions/web/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Cannot GET /nope');
    // Its server's own content-length and date, which FC replaces with its own, are no warning (a handler's would be).
    expect(logs.filter((line) => line.includes('is reserved'))).toEqual([]);
  });
});
