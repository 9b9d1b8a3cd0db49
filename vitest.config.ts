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
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
