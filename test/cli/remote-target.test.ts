/**
 * src/cli/remote-target.ts: the CLI's remote targets. A run that sends requests keeps undici's WebAssembly parser on
 * baseline code (V8 flags set for the process) and sets the flags back before the bin writes its code cache.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTimerEvent } from '../../src/index.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { startServer } from '../remote/helpers/servers.js';

describe('remote targets of the CLI', () => {
  const cache = mkdtempSync(join(tmpdir(), 'fc-sim-remote-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('a replay --url run leaves a code cache that the next run accepts (V8 records the flags a cache was made under)', async ({ onTestFinished }) => {
    const server = await startServer((_request, response) => response.end('{}'));
    onTestFinished(() => server.close());
    const event = join(cache, 'event.json');
    writeFileSync(event, JSON.stringify(buildTimerEvent()));
    const env = { FC_SIM_CACHE_DIR: cache };
    const replay = ['replay', event, '--url', server.origin];
    const first = await spawnCli(replay, { env });
    expect(first.status, first.stderr).toBe(0);
    const [file] = readdirSync(join(cache, 'code-cache'))
      .filter((name) => name.endsWith('.bin'))
      .map((name) => join(cache, 'code-cache', name));
    const written = statSync(file!).mtimeMs;
    // A cache the next run rejected would be written again by it.
    const second = await spawnCli(replay, { env });
    expect(second.status, second.stderr).toBe(0);
    expect(statSync(file!).mtimeMs).toBe(written);
    expect(server.received).toBe(2);
  });
});
