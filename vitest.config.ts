import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: plain functions, no site build (`npm run test:unit`, the inner loop). `site`: the built
 * test sites and real Chromium; its global setup builds them once per run and every build and browser test shares
 * them. `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
          // One worker per core (Vitest's default leaves one core free: one worker on this 2-core machine), and the
          // modules loaded once per worker instead of once per file (the tests that need fresh modules under other
          // settings reset them with vi.resetModules). npm run test:unit, quiet machine: 62.6 s before, 26.1 s with
          // both; 11.0 s once the editor scripts' tests (npm run new and check in child processes, 19 to 25 s of
          // it) went to tests/build/.
          maxWorkers: '100%',
          isolate: false,
          // Projects with different numbers of workers run one after the other (Vitest requires an order): unit first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'site',
          sequence: { groupOrder: 1 },
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
