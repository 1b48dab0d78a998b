import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Loading a full release takes ~1 s; the real-data suites share one compiled cache.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
