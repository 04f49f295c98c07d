/** --inspect-brk: the instance's process waits under Node's inspector; fc-sim prints the URL a debugger attaches to. */
import { Readable } from 'node:stream';
import { WebSocket } from 'undici';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from './../helpers/run-cli.js';

/** A CLI output that resolves `url` as soon as fc-sim prints the debugger's address. */
function watchedOutput() {
  let found!: (url: string) => void;
  const url = new Promise<string>((resolve) => (found = resolve));
  const output = {
    text: '',
    isTTY: false,
    write(chunk: string | Uint8Array) {
      output.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const listening = /debugger listening on (ws:\/\/\S+)/.exec(output.text);
      if (listening) found(listening[1]!);
      return true;
    },
  };
  return { output, url };
}

/** Attaches as a debugger does: the target is listed, a session opens and lets the paused process run. */
async function attachAndRun(url: string): Promise<unknown[]> {
  const { host } = new URL(url);
  const targets = (await (await fetch(`http://${host}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  const answered = new Promise((resolve) => socket.addEventListener('message', resolve, { once: true }));
  socket.send(JSON.stringify({ id: 1, method: 'Runtime.runIfWaitingForDebugger' }));
  await answered;
  socket.close();
  return targets.map((target) => target.webSocketDebuggerUrl);
}

describe('--inspect-brk', () => {
  it('prints the ws:// URL of the instance, which a debugger attaches to and resumes; the timeout is off', async () => {
    const stdout = watchedOutput();
    const stderr = watchedOutput();
    const running = run(['oss:put', '--handler', 'echo.handler', '--code-dir', 'fixtures/handlers', '--inspect-brk=127.0.0.1:0', '--timeout', '1'], {
      stdout: stdout.output,
      stderr: stderr.output,
      stdin: Readable.from([]),
      cwd: packageRoot,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const url = await stderr.url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[\w-]+$/);
    expect(url).not.toMatch(/:9229\//);
    expect(await attachAndRun(url)).toContain(url);
    expect(await running).toBe(0);
    expect(stderr.output.text).toMatch(/--inspect-brk: the function's timeout is not enforced/);
    expect(stdout.output.text).toContain('"eventName": "ObjectCreated:PutObject"');
    // Node's own inspector lines are fc-sim's to show, not the function's logs.
    expect(stdout.output.text).not.toMatch(/Debugger attached|For help, see/);
  });

  it('refuses an address that is not host:port', async () => {
    const result = await runCli(['oss:put', '--handler', 'echo.handler', '--code-dir', 'fixtures/handlers', '--inspect=nowhere']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--inspect: expected host:port or a port, got "nowhere"/);
  });
});
