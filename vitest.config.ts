import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start real processes; 2-core CI machines need the headroom.
    testTimeout: 20_000,
  },
});
