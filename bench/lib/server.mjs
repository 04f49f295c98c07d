// A server in its own process, so that the client measured and the server do not share one event loop.
import { spawn } from 'node:child_process';

/** Starts `node <script>`, which prints its port; resolves with the port and a stop function. */
export function startServer(script, { timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script}: no port within ${timeoutMs} ms`));
    }, timeoutMs);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = /^(\d+)\n/.exec(out)?.[1];
      if (!port) return;
      clearTimeout(timer);
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.stdin.end();
          setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
        });
      resolve({ port: Number(port), stop });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before printing its port`)));
  });
}
