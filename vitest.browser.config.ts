import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

/**
 * The browser project: the client runs in headless Debian Chromium (`/usr/bin/chromium`, not a
 * Playwright download) against sandboxes that `test/browser/global-setup.ts` serves from Node.
 */
export default defineProject({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
