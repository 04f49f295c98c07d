import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { compiledModules } from './test/compiled-modules.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const WORKERS = 3;

export default defineConfig({
  plugins: [compiledModules(here('.'))],
  resolve: {
    // The example projects import fc-sim as users do; here that is this checkout's source.
    alias: [
      { find: /^fc-sim\/testing$/, replacement: here('./src/testing/index.ts') },
      { find: /^fc-sim\/generators$/, replacement: here('./generators/index.ts') },
      { find: /^fc-sim$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'fixtures/examples/*/test/**/*.test.ts'],
    // Builds dist/ when a source is newer: the runtime's child processes and the bin smoke tests run it.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Forks, not threads: a spawn copies the page tables of the whole process, and with threads (isolate off) one
    // process grew to 1.5 GB, so each of the ~370 handler starts cost the test process 35-80 ms of CPU in fork() alone
    // (12.8 CPU-s in all). Forks keep each worker's process small: the suite in 49-54 s and 91-100 CPU-s instead of
    // 64-80 s and 140 CPU-s. Three workers on the 2-core machines: many tests wait on real timeouts, servers and child
    // processes, and a third worker fills those waits (two: 56 s, four: 57 s).
    pool: 'forks',
    maxWorkers: WORKERS,
    // With no core to spare, V8's helper threads (parallel GC, background compiling: ~10% of the CPU samples of a
    // run) only add work. Single-threaded workers on the 2-core machines: 64.8-75.2 s and 125-145 CPU-s against
    // 67.7-81.5 s and 130-156 CPU-s, 7 interleaved pairs, each pair faster. Where cores are to spare, they stay.
    execArgv: availableParallelism() <= WORKERS ? ['--single-threaded'] : [],
    // A worker imports src/ once, not once per test file: the full suite took 114 CPU-seconds instead of 154, with the
    // same results. Tests restore what they change (env, servers, instances); the CLI runs in-process leave nothing.
    isolate: false,
    // Handlers run in real child processes; on a loaded 2-core machine they need the headroom.
    testTimeout: 20_000,
  },
});
