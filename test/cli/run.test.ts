/**
 * `run(argv, io)`: the CLI in-process. Each run has its own io, exit status and redactor, and leaves the process as
 * it found it (exit code, signal listeners, environment), so that tests can run it many times, concurrently.
 */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';
import type { TestServer } from '../remote/helpers/servers.js';
import { startServer } from '../remote/helpers/servers.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

describe('run(argv, io)', () => {
  it('reads stdin, cwd and env from io, not from the process', async () => {
    const stdin = await runCli(['validate', '-'], { input: '{"triggerTime":"2024-01-01T00:00:00Z","triggerName":"t","payload":""}' });
    expect(stdin).toMatchObject({ status: 0, stdout: '✓ <stdin>: valid timer (TimerEvent)\n', stderr: '' });
    const cwd = await runCli(['validate', 'timer/fc3-docs-timer.json'], { cwd: resolve('fixtures/events') });
    expect(cwd.stdout).toBe('✓ timer/fc3-docs-timer.json: valid timer (TimerEvent)\n');
    const env = await runCli(['timer', '--handler', 'context.handler', '--code-dir', 'fixtures/handlers', '--json'], {
      env: { FC_SIM_FUNCTION_NAME: 'from-io-env' },
    });
    expect(JSON.parse(env.stdout).result.context.function.name).toBe('from-io-env');
    expect(process.env.FC_SIM_FUNCTION_NAME).toBeUndefined();
  });

  it('returns the exit status and leaves process.exitCode alone', async () => {
    const before = process.exitCode;
    expect((await runCli(['timer', '--handler', 'fixtures/handlers/throws.handler'])).status).toBe(1);
    expect((await runCli(['oss:put', '--size', 'big'])).status).toBe(2);
    expect((await runCli(['--help'])).status).toBe(0);
    expect(process.exitCode).toBe(before);
  });

  it('lists every kind in --help, and gives a kind its flags when it runs or its help is asked for', async () => {
    const overview = await runCli(['--help']);
    for (const kind of ['oss:put', 'timer', 'kafka', 'eventbridge:custom']) expect(overview.stdout).toContain(kind);
    for (const argv of [
      ['help', 'cdn:logfile'],
      ['cdn:logfile', '--help'],
    ]) {
      const help = await runCli(argv);
      expect(help.stdout, argv.join(' ')).toContain('--domain <domain>');
      expect(help.stdout, argv.join(' ')).toContain('--handler');
    }
    expect(JSON.parse((await runCli(['cdn:logfile', '--domain', 'cdn.example.com'])).stdout).events[0].resource.domain).toBe('cdn.example.com');
  });

  it('treats any error that is not an FcSimError as a bug: its stack, a line asking to report it, exit 70', async () => {
    let stderr = '';
    const status = await run(['list'], {
      stdout: {
        write: () => {
          throw new TypeError('the terminal went away');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([]),
      cwd: process.cwd(),
      env: {},
    });
    expect(status).toBe(70);
    expect(stderr).toMatch(/^TypeError: the terminal went away\n\s+at /);
    expect(stderr).toMatch(/\nfc-sim: internal error — this is a bug in fc-sim, please report it with the command you ran\n$/);
  });

  it('keeps concurrent runs apart: output, status, and the secrets each one redacts', async () => {
    // Answers with the event it was sent.
    const started = await startServer((_request, response, body) => response.end(body));
    servers.push(started);
    const secret = (n: number) => `FcSimRunSecret-${n}-0123456789`;
    const runs = await Promise.all(
      [1, 2, 3].map((n) =>
        runCli(['timer', '--target', 'invoke-fc3', '--endpoint', started.origin, '--function-name', `fn${n}`, '--json', '--payload', secret(n === 3 ? 1 : n)], {
          env: { ALIBABA_CLOUD_ACCESS_KEY_ID: `id-${n}`, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret(n) },
        }),
      ),
    );
    expect(runs.map((each) => each.status)).toEqual([0, 0, 0]);
    // Run 3 knows secret 3 only: secret 1 in its own event is not one of its credentials, and stays visible.
    expect(runs[0]!.stdout).not.toContain(secret(1));
    expect(runs[1]!.stdout).not.toContain(secret(2));
    expect(runs[2]!.stdout).toContain(secret(1));
    expect((await runCli(['timer', '--payload', secret(1)])).stdout).toContain(secret(1));
  });

  it('removes the SIGINT listener of a load run when it ends', async () => {
    const started = await startServer((_request, response) => response.end('ok'));
    servers.push(started);
    const listeners = process.listenerCount('SIGINT');
    const load = await runCli(['timer', '--count', '5', '--seed', '1', '--url', started.origin]);
    expect(load.status).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
