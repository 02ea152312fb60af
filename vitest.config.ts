import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    projects: [
      { extends: true, test: { name: 'node', exclude: ['test/browser/**', '**/node_modules/**'] } },
      './vitest.browser.config.ts',
    ],
  },
});
