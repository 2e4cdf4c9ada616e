import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  // Each worker serves the app itself (e2e/support/test.ts), so two spec files can run side by side.
  // One worker left this machine's two cores 13-20 % idle, and some tests mostly wait (throttled
  // downloads, stalled shards); tests in one file run in order, in one worker.
  workers: Number(process.env.TABML_E2E_WORKERS ?? 2),
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: process.env.TABML_REPORT ?? 'playwright-report' }]],
  outputDir: process.env.TABML_RESULTS ?? 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1100, height: 800 },
    // A trace records a screencast and DOM snapshots all through every test: a third of the suite's
    // CPU here. CI keeps only a screenshot of a failure (its log is what people read); locally, a
    // failed test keeps its full trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
