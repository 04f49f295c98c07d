import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimerEvent, createRemoteTarget, eventBytes } from '../../src/index.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/remote/http-client.js';
import { runCli } from '../helpers/run-cli.js';
import type { TestServer } from './helpers/servers.js';
import { startServer } from './helpers/servers.js';

// 3 MB in 64 KB chunks: the cap applies across chunks, not to one.
const answer = Buffer.alloc(3 * 1024 * 1024, 'abcdefghijklmnopqrstuvwxyz');
let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (let at = 0; at < answer.length; at += 65_536) response.write(answer.subarray(at, at + 65_536));
    response.end();
  });
  dir = mkdtempSync(join(tmpdir(), 'fc-sim-cap-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a remote answer's body is kept up to a cap", () => {
  it('beyond the cap: the prefix, the whole size and its sha256, and a warning that says so', async () => {
    const target = createRemoteTarget({ kind: 'http-trigger', url: `${server.origin}/` }, { maxBodyBytes: 100_000 });
    const result = await target.send(eventBytes(buildTimerEvent()));
    await target.dispose();
    expect(result.outcome).toBe('success');
    expect(result.invocation.body.equals(answer.subarray(0, 100_000))).toBe(true);
    const sha256 = createHash('sha256').update(answer).digest('hex');
    expect(result.invocation.warnings).toEqual([
      `the answer's body was ${answer.length} bytes: only its first 100000 are kept (sha256 of the whole: ${sha256})`,
    ]);
  });

  it('within the cap (32 MB by default): the whole body, no warning', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(32 * 1024 * 1024);
    const target = createRemoteTarget({ kind: 'http-trigger', url: `${server.origin}/` });
    const result = await target.send(eventBytes(buildTimerEvent()));
    await target.dispose();
    expect(result.invocation.body.equals(answer)).toBe(true);
    expect(result.invocation.warnings).toEqual([]);
  });

  it('--out writes an HTTP answer once per record (the response body, not also as the result)', async () => {
    const out = join(dir, 'records.ndjson');
    const run = await runCli(['http:get', '--url', `${server.origin}/`, '--count', '2', '--seed', '1', '--out', out]);
    expect(run.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.length).toBeGreaterThan(answer.length);
      expect(line.length).toBeLessThan(answer.length * 1.1);
      expect(JSON.parse(line).result).toBeUndefined();
    }
  });
});
