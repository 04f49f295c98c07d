/**
 * Code reloaded on change: a temp copy of a fixture project, its handler file rewritten while the server runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { cleanUp, copyFixture, serve, until } from './helpers.js';

afterEach(cleanUp);

async function reloadsOnChange(watch: { poll?: boolean; pollMs?: number; debounceMs: number }) {
  const root = copyFixture('fc3-app');
  const { url, logs, watching } = await serve(loadProject(root), { watch });
  expect([...watching.values()]).toEqual([watch.poll ? 'poll' : 'watch']);
  expect(await (await fetch(`${url}/api/v`)).json()).toEqual({ path: '/api/v', method: 'GET' });
  const file = join(root, 'code', 'index.js');
  const changed = readFileSync(file, 'utf8').replace(
    /exports\.api = [\s\S]*?\n};\n/,
    "exports.api = async () => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'version 2, changed while serving' });\n",
  );
  expect(changed).toContain('version 2');
  writeFileSync(file, changed);
  await until(() => logs.some((line) => line.includes('reloaded')), 5000, 'the reload');
  expect(logs.find((line) => line.includes('reloaded'))).toMatch(/^fc-sim: code(\/index\.js)? changed: reloaded .*\bapi\b/);
  const after = await fetch(`${url}/api/v`);
  expect(await after.text()).toBe('version 2, changed while serving');
}

describe('reload on change', () => {
  it('fs.watch: the next request runs the new code', async () => {
    await reloadsOnChange({ debounceMs: 50 });
  });

  it('polling (where fs.watch cannot watch recursively): the same', async () => {
    await reloadsOnChange({ poll: true, pollMs: 100, debounceMs: 20 });
  });
});
