import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/chromium.ts';

// TABML_DIST / TABML_PORT let several builds be tested side by side on one machine.
export const APP_PORT = Number(process.env.TABML_PORT ?? 4173);
const DIST = process.env.TABML_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // The tests share one server whose faults they switch on and off, and two cores: one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: process.env.TABML_REPORT ?? 'playwright-report' }]],
  outputDir: process.env.TABML_RESULTS ?? 'test-results',
  use: {
    baseURL: `http://localhost:${APP_PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1100, height: 800 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx e2e/support/serve.ts ${DIST} ${APP_PORT}`,
    port: APP_PORT,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
