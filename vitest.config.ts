import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
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
    // Threads, not forks: the same tests took 82 s instead of 106 s here (a worker thread starts and imports faster than
    // a process); handlers still run in their own processes, and signal tests spawn the bin. Three workers on the 2-core
    // machines: many tests wait on real timeouts, servers and child processes, and a third worker fills those waits
    // (the whole suite in 56–59 s instead of 65 s with two).
    pool: 'threads',
    maxWorkers: 3,
    // A worker imports src/ once, not once per test file: the full suite took 114 CPU-seconds instead of 154, with the
    // same results. Tests restore what they change (env, servers, instances); the CLI runs in-process leave nothing.
    isolate: false,
    // Handlers run in real child processes; on a loaded 2-core machine they need the headroom.
    testTimeout: 20_000,
  },
});
