/**
 * `fc-sim serve` as a user runs it: the built CLI in its own process prints its URLs, answers, stops on SIGINT.
 * A refusal needs no process of its own: it runs in-process.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

describe('fc-sim serve', () => {
  it('prints its URLs, answers requests and stops cleanly on SIGINT', async () => {
    let printed = '';
    let answered: Promise<{ hello: string; proxied: string; status: number }> | undefined;
    const run = await spawnCli(['serve', '--port', '0', '--project', 'fixtures/projects/fun-app'], {
      timeoutMs: 15_000,
      onStart: (child) => {
        child.stdout!.on('data', (chunk: Buffer | string) => {
          printed += String(chunk);
          const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
          if (!url || answered) return;
          answered = (async () => {
            try {
              const hello = await (await fetch(`${url}/hello/cli`)).text();
              const proxied = await (await fetch(`${url}/2016-08-15/proxy/fun-service/bye/x`)).text();
              const status = (await fetch(`${url}/bye/x`, { method: 'POST', body: '' })).status;
              return { hello, proxied, status };
            } finally {
              child.kill('SIGINT');
            }
          })();
        });
      },
    });
    expect(answered, run.stderr).toBeDefined();
    expect(await answered).toEqual({ hello: 'hello from /hello/cli', proxied: 'bye from /x', status: 405 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\/2016-08-15\/proxy\/fun-service\/hello\//);
    expect(run.stdout).toMatch(/custom domain fun\.example\.com/);
    expect(run.stdout).toMatch(/\/hello\/\*\s+fun-service\/hello/);
    expect(run.stderr).toMatch(/\[fun-service\/hello\] FC Invoke Start RequestId: /);
    expect(run.stderr).toMatch(/"GET \/hello\/cli" 200 /);
    expect(run.stderr).toMatch(/SIGINT: stopping/);
  });

  it('says which port is taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli(['serve', '--port', String(port), '--project', 'fixtures/projects/fun-app']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});
