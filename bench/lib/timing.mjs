// Timing loops in one process: every loop is bounded by a count, and cases are interleaved round by round so that
// a burst of noise on the machine hits every case alike.
import { median } from './stats.mjs';

/** Milliseconds per call of fn (sync or async), over `iterations` calls. */
export async function msPerCall(fn, iterations) {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i);
  return (performance.now() - started) / iterations;
}

/**
 * Runs every case for `iterations` calls, `rounds` times, interleaved (A B C, A B C, …), after `warmup` calls each;
 * returns each case's median milliseconds per call. `budgetMs` bounds the rounds (at least 3) on a slow machine.
 * A case is a function, or `{ fn, iterations }` when it needs fewer calls than the others (a slow one).
 */
export async function interleaved(cases, { iterations, rounds = 5, warmup = Math.ceil(iterations / 5), budgetMs = 20_000 }) {
  const plan = Object.entries(cases).map(([name, c]) => {
    const own = typeof c === 'function' ? { fn: c, iterations } : c;
    return { name, fn: own.fn, iterations: own.iterations, warmup: Math.ceil((warmup * own.iterations) / iterations) };
  });
  for (const c of plan) await msPerCall(c.fn, c.warmup);
  const samples = Object.fromEntries(plan.map((c) => [c.name, []]));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const c of plan) samples[c.name].push(await msPerCall(c.fn, c.iterations));
    if (round >= 2 && performance.now() - started > budgetMs) break;
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** Wall time of one async call, in milliseconds. */
export async function wallMs(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
