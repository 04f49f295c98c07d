/**
 * The bin runs the CLI's bundle (dist/cli/fc-sim.cjs, fresh: test/global-setup.ts bundles it) compiled with V8's code
 * cache, which it saves after its first run on this Node.js and reuses after.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/spawn-cli.js';

describe('the bin’s code cache', () => {
  const cache = mkdtempSync(join(tmpdir(), 'fc-sim-code-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const env = { FC_SIM_CACHE_DIR: cache };
  const cacheFiles = () =>
    readdirSync(join(cache, 'code-cache'))
      .filter((name) => name.endsWith('.bin'))
      .map((name) => join(cache, 'code-cache', name));
  const drawn = ['oss:put', '--random', '--seed', '7'];

  it('is saved by the first run, reused by the next, and a damaged one is replaced, with the same output each time', async () => {
    const first = await spawnCli(drawn, { env });
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ events: [{ eventSource: 'acs:oss' }] });
    const [file] = cacheFiles();
    expect(file).toBeDefined();
    const saved = statSync(file!);
    expect(saved.size).toBeGreaterThan(10_000);

    const second = await spawnCli(drawn, { env });
    expect(second).toMatchObject({ status: 0, stdout: first.stdout });
    // Accepted: not written again.
    expect(statSync(file!).mtimeMs).toBe(saved.mtimeMs);

    writeFileSync(file!, 'not a code cache');
    const third = await spawnCli(drawn, { env });
    expect(third).toMatchObject({ status: 0, stdout: first.stdout });
    expect(cacheFiles()).toEqual([file]);
    expect(statSync(file!).size).toBeGreaterThan(10_000);
  });

  it('is written again by the first run of each new kind, which adds the code it compiled', async () => {
    const [file] = cacheFiles();
    const before = statSync(file!);
    expect(readFileSync(`${file}.runs`, 'utf8')).toBe('oss:put --random\n');
    expect((await spawnCli(['oss:put'], { env })).status).toBe(0);
    expect(readFileSync(`${file}.runs`, 'utf8')).toBe('oss:put --random\noss:put\n');
    const after = statSync(file!);
    expect(after.mtimeMs).toBeGreaterThan(before.mtimeMs);
    // The code of both runs: at least what the first one saved.
    expect(after.size).toBeGreaterThanOrEqual(before.size);
    expect((await spawnCli(['oss:put'], { env })).status).toBe(0);
    expect(statSync(file!).mtimeMs).toBe(after.mtimeMs);
  });

  it('replaces the cache of an earlier build on this Node.js and keeps those of other versions', async () => {
    const [current] = cacheFiles();
    const earlier = join(cache, 'code-cache', basename(current!).replace(/-[0-9a-f]{16}\.bin$/, '-0000000000000000.bin'));
    const otherNode = join(cache, 'code-cache', 'cli-v18.20.8-x64-0000000000000000.bin');
    rmSync(current!);
    writeFileSync(earlier, 'an earlier build');
    writeFileSync(otherNode, 'another Node.js');
    expect((await spawnCli(['--version'], { env })).status).toBe(0);
    expect(cacheFiles().sort()).toEqual([current, otherNode].sort());
    // A run with no command is a kind too: the next one reads the cache and does not write it again.
    const saved = statSync(current!).mtimeMs;
    expect((await spawnCli(['--version'], { env })).status).toBe(0);
    expect(statSync(current!).mtimeMs).toBe(saved);
  });

  it('costs only speed when its folder cannot be written', async () => {
    const blocked = join(cache, 'a-file');
    writeFileSync(blocked, '');
    const run = await spawnCli(['--version'], { env: { FC_SIM_CACHE_DIR: blocked } });
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });
});
