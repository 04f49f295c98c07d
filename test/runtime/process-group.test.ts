/**
 * Each instance leads a process group: what its handler spawns ends with it, whether the instance is disposed, times
 * out or exits by itself (real processes, checked in /proc).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { FunctionInstance } from '../../src/runtime/instance.js';
import { fileText, isRunning, waitGone } from '../helpers/processes.js';

/** Instances run in FC's environment, without the test run's TMPDIR: their os.tmpdir() is /tmp. */
const INSTANCE_TMPDIR = '/tmp';

const handlers = resolve('fixtures/handlers');
const dir = mkdtempSync(join(tmpdir(), 'fc-sim-groups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Pids {
  instance: number;
  spawned: number;
}

describe('instance process groups', () => {
  it('disposing the instance ends what its handler spawned', async () => {
    const instance = new FunctionInstance({ handler: 'spawns.returns', codeDir: handlers, timeout: 5 });
    const invocation = await instance.invoke(Buffer.from('{}'));
    const pids = JSON.parse(invocation.body.toString()) as Pids;
    expect(isRunning(pids.spawned)).toBe(true);
    await instance.dispose();
    await waitGone([pids.instance, pids.spawned]);
  });

  it('an instance that exits takes what it spawned along', async () => {
    const file = join(dir, 'exits.json');
    const instance = new FunctionInstance({ handler: 'spawns.exits', codeDir: handlers, timeout: 5 });
    try {
      const invocation = await instance.invoke(Buffer.from(JSON.stringify({ file })));
      expect(invocation.status).toBe('unhandled-error');
      const pids = JSON.parse(readFileSync(file, 'utf8')) as Pids;
      await waitGone([pids.instance, pids.spawned]);
    } finally {
      await instance.dispose();
    }
  });

  it('an instance killed at its timeout (FC recycles it) ends with its group', async () => {
    // The spinning handler names its file after its parent: this process.
    const file = join(INSTANCE_TMPDIR, `fc-sim-spin-${process.pid}.json`);
    const instance = new FunctionInstance({ handler: 'index.handler', codeDir: resolve('fixtures/projects/spinning-app/code'), timeout: 1 });
    try {
      const invocation = await instance.invoke(Buffer.from('{}'));
      expect(invocation.error?.errorMessage).toMatch(/timed out/);
      const pids = JSON.parse(await fileText(file)) as Pids;
      await waitGone([pids.instance, pids.spawned]);
    } finally {
      rmSync(file, { force: true });
      await instance.dispose();
    }
  });

  it('an idle instance whose fc-sim was killed (SIGKILL: nothing could end its group) ends its group itself', async () => {
    // fc-sim's stand-in: the built runtime in a process of its own, which the test kills outright.
    const script = `
      import { FunctionInstance } from ${JSON.stringify(join(packageRoot, 'dist/src/runtime/instance.js'))};
      const instance = new FunctionInstance({ handler: 'spawns.returns', codeDir: ${JSON.stringify(handlers)}, timeout: 5 });
      const invocation = await instance.invoke(Buffer.from('{}'));
      process.stdout.write(invocation.body.toString() + '\\n');
      setInterval(() => undefined, 1000);
    `;
    const host = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let printed = '';
      const pids = await new Promise<Pids>((resolve, reject) => {
        host.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes('\n')) resolve(JSON.parse(printed) as Pids);
        });
        host.once('exit', () => reject(new Error(`the host exited before its instance answered: ${printed}`)));
      });
      host.kill('SIGKILL');
      await waitGone([pids.instance, pids.spawned]);
    } finally {
      host.kill('SIGKILL');
    }
  });
});
