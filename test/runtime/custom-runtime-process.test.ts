import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomRuntimeProcess } from '../../src/runtime/custom-runtime-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const codeDir = resolve('fixtures/projects/functions-by-name/server');
const instances: CustomRuntimeProcess[] = [];
afterEach(async () => {
  await Promise.all(instances.splice(0).map((instance) => instance.dispose()));
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function start(config: ConstructorParameters<typeof CustomRuntimeProcess>[0]['config']): CustomRuntimeProcess {
  const instance = new CustomRuntimeProcess({ config, command: ['node'], args: ['index.js'], port: 9000 });
  instances.push(instance);
  return instance;
}

describe('CustomRuntimeProcess: a custom runtime’s server as FC runs it', () => {
  it('runs /initialize once, /pre-freeze after each invocation on FC 2.0, /pre-stop when it goes; warm in between', async () => {
    const instance = start({ handler: 'index.handler', codeDir, platform: 'fc2', initializer: 'index.init', preFreeze: 'index.freeze', preStop: 'index.stop' });
    const first = await instance.invoke(Buffer.from('a'));
    expect(first.status).toBe('success');
    expect(first.logs).toEqual(expect.arrayContaining(['hook /initialize', 'event of 1 bytes', 'hook /pre-freeze']));
    const second = await instance.invoke(Buffer.from('bb'));
    expect(JSON.parse(second.body.toString())).toMatchObject({ invocations: 2, event: 'bb' });
    expect(second.logs).not.toContain('hook /initialize');
    const preStop = await instances.pop()!.dispose();
    expect(preStop?.status).toBe('success');
    expect(preStop?.logs).toContain('hook /pre-stop');
  });

  it('ends the server at the timeout with FC’s error; the next invocation starts a new one', async () => {
    const instance = start({ handler: 'index.handler', codeDir, timeout: 1 });
    const timedOut = await instance.invoke(Buffer.from('hang'));
    expect(timedOut.status).toBe('unhandled-error');
    expect(timedOut.error?.errorMessage).toMatch(/^Function timed out after 1 seconds/);
    const next = await instance.invoke(Buffer.from('x'));
    const { invocations, pid } = JSON.parse(next.body.toString());
    expect(invocations).toBe(1);
    // The old server's exit, which comes while the new one starts, must not make the instance forget the new one.
    await instances.pop()!.dispose();
    expect(alive(pid)).toBe(false);
  });

  it('reports a server that exits before answering as FC does (its process exited, with the memory it held), not as a dropped connection', async () => {
    const instance = start({ handler: 'index.handler', codeDir, memorySize: 256 });
    const ended = await instance.invoke(Buffer.from('exit'));
    expect(ended.status).toBe('unhandled-error');
    expect(ended.error).toMatchObject({ cause: 'exit' });
    expect(ended.error?.errorType).toBeUndefined();
    expect(ended.error?.errorMessage).toMatch(/^Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: [1-9]\d*MB\)$/);
    expect(ended).toMatchObject({ memorySizeMb: 256 });
    expect(ended.maxMemoryUsedMb).toBeGreaterThan(0);
    const next = await instance.invoke(Buffer.from('x'));
    expect(JSON.parse(next.body.toString())).toMatchObject({ invocations: 1, event: 'x' });
    // An answer reports the memory the server holds too, as FC's summary line does.
    expect(next.maxMemoryUsedMb).toBeGreaterThan(0);
  });

  // FC limits the instance's memory (the container's), the server's and what it starts: a server past it is ended.
  it.skipIf(process.platform !== 'linux')(
    'ends a server that passes the memory size with FC’s out-of-memory error, answered or not; the next invocation starts a new one',
    async () => {
      const instance = start({ handler: 'index.handler', codeDir, memorySize: 128, timeout: 20 });
      for (const event of ['grow', 'grow-hang']) {
        const ended = await instance.invoke(Buffer.from(event));
        expect(ended.status, event).toBe('unhandled-error');
        expect(ended.error?.cause, event).toBe('oom');
        expect(ended.error?.errorMessage, event).toMatch(/^Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: \d+MB\)$/);
        // Killed at the first look past 128 MB: a reading just past it is reported, in whole MB, as 128.
        expect(Number(/maxMemoryUsage: (\d+)MB/.exec(ended.error!.errorMessage)![1]), event).toBeGreaterThanOrEqual(128);
        // The watch ends a server that never answers long before the timeout.
        expect(ended.durationMs, event).toBeLessThan(10_000);
      }
      const next = await instance.invoke(Buffer.from('x'));
      expect(JSON.parse(next.body.toString())).toMatchObject({ invocations: 1, event: 'x' });
    },
    30_000,
  );

  it.skipIf(process.platform !== 'linux')(
    'counts what the server started: its child process past the memory size ends the instance',
    async () => {
      const instance = start({ handler: 'index.handler', codeDir, memorySize: 128, timeout: 20 });
      const ended = await instance.invoke(Buffer.from('spawn-grow'));
      expect(ended.status).toBe('unhandled-error');
      expect(ended.error?.cause).toBe('oom');
    },
    30_000,
  );

  it("finds FC's /code/ in the code folder and /opt/ in the layers' folders: a command from a layer, an argument in the code", async () => {
    const layer = tempDir('fc-sim-layer-');
    mkdirSync(join(layer, 'bin'));
    writeFileSync(join(layer, 'bin', 'run'), '#!/bin/sh\nexec node "$@"\n');
    chmodSync(join(layer, 'bin', 'run'), 0o755);
    const instance = new CustomRuntimeProcess({
      config: { handler: 'index.handler', codeDir },
      command: ['/opt/bin/run'],
      args: ['/code/index.js'],
      port: 9000,
      optDirs: [layer],
    });
    instances.push(instance);
    const result = await instance.invoke(Buffer.from('x'));
    expect(JSON.parse(result.body.toString())).toMatchObject({ invocations: 1, event: 'x' });
  });

  it('does not start a bootstrap FC cannot start: one that is not executable, or a script without #! (which Node.js would run via sh)', async () => {
    const folder = tempDir('fc-sim-bootstrap-');
    mkdirSync(join(folder, 'server'));
    writeFileSync(join(folder, 'bootstrap'), 'exec node server/index.js\n');
    writeFileSync(join(folder, 'server', 'index.js'), "require('http').createServer((q, s) => s.end('up')).listen(process.env.FC_SERVER_PORT);\n");
    const instance = new CustomRuntimeProcess({ config: { handler: 'index.handler', codeDir: folder }, command: [], args: [], port: 9000 });
    instances.push(instance);
    const notExecutable = await instance.invoke(Buffer.from('x'));
    expect(notExecutable.status).toBe('unhandled-error');
    expect(notExecutable.error?.errorMessage).toMatch(/cannot start .*bootstrap: it is not executable/);
    chmodSync(join(folder, 'bootstrap'), 0o755);
    const noInterpreter = await instance.invoke(Buffer.from('x'));
    expect(noInterpreter.error?.errorMessage).toMatch(/cannot start .*bootstrap: it is a script without a #! line/);
    writeFileSync(join(folder, 'bootstrap'), '#!/bin/sh\nexec node server/index.js\n');
    const started = await instance.invoke(Buffer.from('x'));
    expect([started.status, started.body.toString()]).toEqual(['success', 'up']);
  });
});
