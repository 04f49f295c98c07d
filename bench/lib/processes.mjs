// Wall time of short-lived processes (CLI start-up, `node -e 0`), the way a person waits for them.
import { spawn } from 'node:child_process';
import { median } from './stats.mjs';

/** Spawns `node ...args` and resolves with its wall time in ms once it exits (rejects on a non-zero exit). */
export function nodeWallMs(args, { cwd, timeoutMs = 30_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} ended with ${signal ?? code}: ${stderr.trim().slice(0, 500)}`));
    });
  });
}

/** Each case's median wall time over `runs` spawns, interleaved case by case, after one unmeasured spawn each. */
export async function medianWallMs(cases, { runs = 9, cwd } = {}) {
  for (const args of Object.values(cases)) await nodeWallMs(args, { cwd });
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(cases)) samples[name].push(await nodeWallMs(args, { cwd }));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}
