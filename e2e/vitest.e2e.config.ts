import { defineConfig } from 'vitest/config';

/**
 * Browser tests: each spec starts the real server (serving the built web/dist) and drives it
 * in Chromium. Run after `npm run build`. The bundle budget test reads that same build.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.spec.ts', 'web/bundle-size.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
