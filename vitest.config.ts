import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.spec.{ts,tsx}', 'test/fuzz/**/*.spec.ts'],
        },
      },
      {
        // Lab and e2e tests build network namespaces; they run one file at a time so labs never overlap.
        test: {
          name: 'lab',
          include: ['test/integration/**/*.spec.ts', 'test/e2e/**/*.spec.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
