import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Store and queue suites share Redis/PostgreSQL on loopback; files run in parallel but each
    // suite uses its own database/queue prefix.
    pool: 'forks',
  },
});
