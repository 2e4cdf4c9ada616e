/** Reliability: no network, a slow network, and a server with broken files. */
import type { Page } from '@playwright/test';
import { drawDigit, expectDigitsOfflineAfterVisit, expectModelReady, setFaults } from '../support/app.ts';
import { expect, test } from '../support/test.ts';

const SHARD = '/models/digits/group1-shard1of1.bin';

test.describe('offline on the very first visit', () => {
  test.use({ serviceWorkers: 'block' });

  test('a model that was never downloaded says so plainly, and retry works once online', async ({ page, context }) => {
    await page.goto('#/about'); // the shell is here; the digit model is not
    await expect(page.getByTestId('backend-badge')).toContainText(/wasm|webgl|cpu/);
    await context.setOffline(true);
    await page.getByTestId('nav-digits').click();
    const error = page.getByTestId('model-error');
    await expect(error).toContainText('network request failed');
    await expect(error).toContainText('Check your connection');
    await context.setOffline(false);
    await page.getByTestId('model-retry').click();
    await expectModelReady(page);
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  });

  test('a page whose code was never downloaded says so plainly, and reload works once online', async ({ page, context }) => {
    await page.goto('#/about');
    await expect(page.getByTestId('backend-badge')).toContainText(/wasm|webgl|cpu/);
    await context.setOffline(true);
    await page.getByTestId('nav-images').click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This page could not be downloaded. Check your connection, then reload.');
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await expect(page.getByTestId('image-drop')).toBeVisible();
  });
});

test.describe('offline', () => {
  test('after one visit, #/digits works with the network off', async ({ page, context }) => {
    await page.goto('#/digits');
    await expectModelReady(page);
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7');
    await expectDigitsOfflineAfterVisit(page, context);
  });
});

test.describe('model download failures', () => {
  test.use({ serviceWorkers: 'block' });
  test.afterEach(async ({ baseURL }) => setFaults(baseURL!, {}));

  for (const fault of ['missing', 'corrupt'] as const) {
    test(`a ${fault} weight shard shows model-error, and retry recovers once it is fixed`, async ({ page, baseURL }) => {
      await setFaults(baseURL!, { [SHARD]: fault });
      await page.goto('#/digits');
      const error = page.getByTestId('model-error');
      await expect(error).toBeVisible();
      await expect(error).toContainText(fault === 'missing' ? '404' : 'checksum');
      // Wait for the retry's own request to fail before fixing the server: the error still on
      // screen from the first try would pass at once, and the retry could then fetch a fixed file.
      const retried = page.waitForResponse((r) => r.url().endsWith(SHARD));
      await page.getByTestId('model-retry').click();
      await retried;
      await expect(error).toBeVisible(); // still broken: still an error, not a hang
      await setFaults(baseURL!, {});
      await page.getByTestId('model-retry').click();
      await expectModelReady(page);
      await drawDigit(page, 3);
      await expect(page.getByTestId('digit-prediction')).toHaveText('3');
    });
  }
});

test.describe('the forecast package, through the same loader and status', () => {
  test.use({ serviceWorkers: 'block' });
  test.afterEach(async ({ baseURL }) => setFaults(baseURL!, {}));
  const FORECAST_SHARD = '/models/forecast/group1-shard1of1.bin';

  test('a corrupt forecast shard shows model-error with its checksum; retry recovers once it is fixed', async ({ page, baseURL }) => {
    await setFaults(baseURL!, { [FORECAST_SHARD]: 'corrupt' });
    await page.goto('#/forecast');
    const error = page.getByTestId('model-error');
    await expect(error).toContainText('checksum');
    await expect(error).toContainText('forecast model');
    await setFaults(baseURL!, {});
    await page.getByTestId('model-retry').click();
    await expectModelReady(page);
    await expect(page.getByTestId('forecast-table').locator('tr[data-date]')).toHaveCount(7, { timeout: 60_000 });
  });

  test('a stalled forecast download can be cancelled, and started again', async ({ page, baseURL }) => {
    await setFaults(baseURL!, { [FORECAST_SHARD]: 'stall' });
    await page.goto('#/forecast');
    await expect(page.getByTestId('model-progress')).toBeVisible();
    await page.getByTestId('model-cancel').click();
    await expect(page.getByTestId('model-error')).toContainText('cancelled');
    await setFaults(baseURL!, {});
    await page.getByTestId('model-retry').click();
    await expectModelReady(page);
    await expect(page.getByTestId('forecast-table').locator('tr[data-date]')).toHaveCount(7, { timeout: 60_000 });
  });
});

test.describe('a throttled connection (Chromium network emulation)', () => {
  test.use({ serviceWorkers: 'block' });

  /** Chromium's own network emulation; it also slows the worker's model downloads. */
  async function throttle(page: Page, bytesPerSecond: number | null) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: bytesPerSecond ? 150 : 0,
      downloadThroughput: bytesPerSecond ?? -1,
      uploadThroughput: bytesPerSecond ?? -1,
    });
  }

  /** Opens the app on a page without a model, then turns on the slow connection. */
  async function openSlowly(page: Page, bytesPerSecond: number) {
    await page.goto('#/about');
    await expect(page.getByTestId('backend-badge')).toContainText(/wasm|webgl|cpu/);
    await throttle(page, bytesPerSecond);
  }

  test('the progress bar moves through the download and disappears when the model is ready', async ({ page }) => {
    await openSlowly(page, 400 * 1024); // ~2.5 s for the digit model
    // Record every value the bar takes, from inside the page, so none is missed between polls.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as any).__progress = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[data-testid="model-progress"]')?.getAttribute('aria-valuenow');
        if (value !== null && value !== undefined && seen.at(-1) !== Number(value)) seen.push(Number(value));
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.getByTestId('nav-digits').click();
    await expectModelReady(page);
    const seen: number[] = await page.evaluate(() => (window as any).__progress);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes backwards
  });

  test('a download can be cancelled, and started again', async ({ page }) => {
    await openSlowly(page, 100 * 1024); // ~9 s for the digit model
    await page.getByTestId('nav-digits').click();
    const bar = page.getByTestId('model-progress');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('model-cancel').click();
    await expect(page.getByTestId('model-error')).toContainText('cancelled');
    await expect(bar).toHaveCount(0);
    await throttle(page, null);
    await page.getByTestId('model-retry').click();
    await expectModelReady(page);
    await drawDigit(page, 4);
    await expect(page.getByTestId('digit-prediction')).toHaveText('4');
  });
});
