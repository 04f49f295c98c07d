/**
 * A request queued behind a busy instance whose client hangs up is dropped: the function never runs for nobody.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, inlineProject, serve, until } from './helpers.js';

afterEach(cleanUp);

// Records each call; /slow answers once the test creates `release` in the code folder.
const code = `
const { appendFileSync, existsSync } = require('fs');
const { join } = require('path');
exports.handler = async (event) => {
  const { rawPath } = JSON.parse(event);
  appendFileSync(join(__dirname, 'calls.log'), rawPath + '\\n');
  while (rawPath === '/slow' && !existsSync(join(__dirname, 'release'))) await new Promise((resolve) => setTimeout(resolve, 5));
  return { statusCode: 200, body: rawPath };
};
`;

describe('serve: a client gone before its turn', () => {
  it('its queued request is dropped; the requests around it run', async () => {
    const project = inlineProject({ 'index.js': code }, [{ name: 'queue', handler: 'index.handler', runtime: 'nodejs18', timeout: 20 }]);
    // One instance at most: the request waits for it (with more, serve would start another for it).
    const running = await serve(project, { scaling: { maxInstances: 1, maxWaiting: 64 } });
    const base = `${running.url}/2023-03-30/functions/queue`;
    const calls = () => (existsSync(join(project.root, 'calls.log')) ? readFileSync(join(project.root, 'calls.log'), 'utf8') : '');

    const slow = fetch(`${base}/slow`).then((response) => response.text());
    await until(() => calls().includes('/slow'), 15_000, 'the slow request to run');
    // The request whose client hangs up, on a connection of its own.
    const gone = httpRequest(`${base}/gone`, { agent: false });
    gone.on('error', () => undefined);
    await new Promise<void>((resolve) => gone.end(resolve));
    // Answered at once without the instance: once it is, the server has read the request sent before it.
    expect((await fetch(`${base}/x`, { method: 'PUT' })).status).toBe(405);
    const after = fetch(`${base}/after`).then((response) => response.text());
    gone.destroy();
    // Another round trip: the server has seen the hang-up by then.
    expect((await fetch(`${base}/x`, { method: 'PUT' })).status).toBe(405);
    writeFileSync(join(project.root, 'release'), '');
    expect(await slow).toBe('/slow');
    expect(await after).toBe('/after');
    expect(calls().split('\n').filter(Boolean)).toEqual(['/slow', '/after']);
    expect(running.logs.filter((line) => line.includes('"GET /2023-03-30/functions/queue/gone" - client gone before its turn: not run'))).toHaveLength(1);
  });
});
