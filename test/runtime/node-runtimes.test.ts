/**
 * Each runtime on its own Node.js (downloaded once per machine into the user cache: the global setup prefetches
 * them), FC's preinstalled modules, FC's code root and its memory limit, against real handler files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FunctionInstance } from '../../src/runtime/instance.js';
import type { Invocation } from '../../src/runtime/invocation.js';
import { resultValue } from '../../src/runtime/invocation.js';
import { cachedNodePath } from '../../src/runtime/node/node-binary.js';
import { runCli } from '../helpers/run-cli.js';

const fixtures = 'fixtures/node-runtimes';
const instances: FunctionInstance[] = [];

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.dispose()));
});

function instance(handler: string, options: Partial<ConstructorParameters<typeof FunctionInstance>[0]>): FunctionInstance {
  const created = new FunctionInstance({ handler, timeout: 10, ...options });
  instances.push(created);
  return created;
}

const invoke = (handler: string, event: string, options: Partial<ConstructorParameters<typeof FunctionInstance>[0]>): Promise<Invocation> =>
  instance(handler, options).invoke(Buffer.from(event));

describe.concurrent('each runtime runs on its own Node.js', () => {
  it('nodejs16 handlers see Node v16.15.1, without global fetch or structuredClone', async () => {
    const result = await invoke('index.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs16' });
    expect(resultValue(result)).toMatchObject({ version: 'v16.15.1', fetch: 'undefined', structuredClone: 'undefined' });
  });

  it('nodejs20 handlers see Node 20 with fetch', async () => {
    const result = await invoke('index.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs20' });
    expect(resultValue(result)).toMatchObject({ version: expect.stringMatching(/^v20\./), fetch: 'function' });
  });

  it('ES modules load on nodejs18, on Node 18, through the CommonJS child’s import()', async () => {
    const result = await invoke('esm.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs18' });
    expect(resultValue(result)).toEqual({ format: 'esm', version: expect.stringMatching(/^v18\./) });
  });

  it("nodejs14 cannot load `??=` (Node v14.18.1's SyntaxError), nodejs16 can", async () => {
    const on14 = await invoke('nullish-assign.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs14' });
    expect(on14.status).toBe('unhandled-error');
    expect(on14.error?.cause).toBe('load');
    expect(on14.error?.errorType).toMatch(/SyntaxError$/);
    const on16 = await invoke('nullish-assign.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs16' });
    expect(resultValue(on16)).toEqual({ region: 'cn-hangzhou' });
  });

  it('--node runs a named binary instead, and says when its major is not the runtime’s', async () => {
    const node16 = cachedNodePath('16.15.1');
    const cli = await runCli(
      ['invoke', '--event', '-', '--handler', 'index.handler', '--code-dir', `${fixtures}/versions`, '--runtime', 'nodejs14', '--node', node16],
      {
        input: '{}',
      },
    );
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ version: 'v16.15.1' });
    expect(cli.stderr).toMatch(/nodejs14 runs on Node\.js v14\.18\.1 in FC, but --node names v16\.15\.1/);
    const missing = await runCli(['invoke', '--event', '-', '--handler', 'index.handler', '--code-dir', `${fixtures}/versions`, '--node', 'no/such/node'], {
      input: '{}',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--node: no such file/);
  });
});

describe.concurrent("FC's preinstalled modules", () => {
  it('an official-template handler requiring raw-body, with no package.json, runs; --no-builtin-modules makes it fail, saying FC provides it', async () => {
    const withModules = await invoke('index.handler', 'hello', { codeDir: `${fixtures}/no-package-json`, runtime: 'nodejs16' });
    expect(resultValue(withModules)).toEqual({ length: 5, body: 'hello' });
    const without = await invoke('index.handler', 'hello', { codeDir: `${fixtures}/no-package-json`, runtime: 'nodejs16', builtinModules: false });
    expect(without.error?.errorType).toMatch(/ImportModuleError$/);
    expect(without.warnings.join('\n')).toMatch(/'raw-body' is one of FC's preinstalled modules: FC's nodejs16 runtime provides raw-body@2\.4\.1 on NODE_PATH/);
  });
});

describe.concurrent("FC's code root", () => {
  it('a CommonJS function folder below a "type": "module" workspace root loads as CommonJS', async () => {
    for (const runtime of ['nodejs16', 'nodejs20'] as const) {
      const result = await invoke('index.handler', '{"items":[{"price":2},{"price":3}]}', { codeDir: `${fixtures}/monorepo/functions/orders`, runtime });
      expect(resultValue(result), runtime).toEqual({ total: 5, format: 'commonjs' });
    }
  });
});

describe.concurrent('memory', () => {
  it('a 128 MB function holding 210 MB of Buffers gets FC’s out-of-memory end, and the next invocation a fresh instance', async () => {
    const hungry = instance('buffers.handler', { codeDir: `${fixtures}/memory`, runtime: 'nodejs20', memorySize: 128 });
    const result = await hungry.invoke(Buffer.alloc(0));
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.cause).toBe('oom');
    expect(result.error?.errorMessage).toMatch(/^Process exited unexpectedly before completing request/);
    expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(128);
    await hungry.invoke(Buffer.alloc(0));
    expect(hungry.starts).toBe(2);
  });
});

describe('offline', () => {
  it('runs on the host Node.js with one warning naming the difference when the registry cannot be reached', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const cache = mkdtempSync(join(tmpdir(), 'fc-sim-offline-'));
    const saved = { FC_SIM_CACHE_DIR: process.env.FC_SIM_CACHE_DIR, FC_SIM_NPM_REGISTRY: process.env.FC_SIM_NPM_REGISTRY };
    Object.assign(process.env, { FC_SIM_CACHE_DIR: cache, FC_SIM_NPM_REGISTRY: `http://127.0.0.1:${port}/` });
    try {
      const first = await invoke('index.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs14' });
      expect(resultValue(first)).toMatchObject({ version: process.version, nodePath: null });
      const warnings = first.warnings.join('\n');
      expect(warnings).toMatch(
        new RegExp(
          `nodejs14 runs on Node\\.js v14\\.18\\.1 in FC, but here on this machine's ${process.version.replaceAll('.', '\\.')} \\(cannot reach http://127\\.0\\.0\\.1:${port}/`,
        ),
      );
      expect(warnings).toMatch(/`\?\?=`/);
      expect(warnings).toMatch(/FC's preinstalled modules \(co, gm, ali-oss, aliyun-sdk, …\) are not available here/);
      const again = await invoke('index.handler', '', { codeDir: `${fixtures}/versions`, runtime: 'nodejs14' });
      expect(again.warnings).toEqual([]);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('fc-sim runtimes', () => {
  it('list shows each runtime’s Node.js and where it is; install fetches into the cache (a no-op when there) and refuses unknown names', async () => {
    const list = await runCli(['runtimes', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^nodejs16 +v16\.15\.1 +\S+\/node\/v16\.15\.1-/m);
    expect(list.stdout).toMatch(/^nodejs14 +v14\.18\.1 /m);
    const install = await runCli(['runtimes', 'install', 'nodejs16']);
    expect(install.status).toBe(0);
    expect(install.stdout).toMatch(/^nodejs16: Node\.js v16\.15\.1 .* ready$/m);
    const unknown = await runCli(['runtimes', 'install', 'nodejs99']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown runtime "nodejs99"/);
  });
});
