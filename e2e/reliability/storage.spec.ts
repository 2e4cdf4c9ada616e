/**
 * Full storage: the site's quota shrunk over CDP (Storage.overrideQuotaForOrigin), as on a phone
 * whose disk is full. Saving a retrained forecaster fails in plain words that say how much space it
 * needs, the old model serves on and the page works; with the quota back, a retrain saves. And the
 * service worker failing to cache a model leaves the online page working.
 */

import { priceSeries } from '../fixtures/prices.ts';
import { drawDigit, keptForOfflineInPage } from '../support/app.ts';
import { openForecast, pickCsv, shownForecast, withoutSamplePrices } from '../support/forecast.ts';
import { expectNoInternalMessages } from '../support/plain-messages.ts';
import { quotaControl } from '../support/quota.ts';
import { expect, test } from '../support/test.ts';

const HISTORY = priceSeries({ start: '2023-01-02', days: 7 * 60, seed: 5 });
const NEWER = priceSeries({ start: '2023-01-02', days: 7 * 62, seed: 5 });

test.describe('a full storage', () => {
  test.use({ serviceWorkers: 'block' }); // the forecaster's own storage, IndexedDB, is what fills up

  test(
    'a retrained forecaster that does not fit: how much space it needs, ' +
      'the old model serves, the page works; with room again, a retrain saves',
    async ({ page, baseURL }) => {
      await withoutSamplePrices(page);
      const setQuota = await quotaControl(page, new URL(baseURL!).origin);
      await setQuota(1); // the disk is full before the first visit
      await openForecast(page);
      await pickCsv(page, HISTORY.csv);
      const before = await shownForecast(page, HISTORY.lastDate);
      await expect(page.getByText(/Saving the prices needs about \d+ KB/)).toBeVisible(); // shown, but not kept
      const serving = await page.getByTestId('forecast-model').textContent();
      await page.getByTestId('forecast-epochs').fill('3');
      await page.getByTestId('forecast-retrain').click();
      const message = page.getByTestId('forecast-train-message');
      // Chromium's estimate() does not show a quota shrunk over CDP, so the message may not quote it.
      await expect(message).toContainText(
        /^Saving the retrained model needs about \d+(\.\d)? KB, but .+\. The previous model still serves\./,
      );
      await expect(message).toContainText('Free some space');
      await expectNoInternalMessages(page);

      // The old model serves: the same words, the same forecast; and it still forecasts new prices.
      await expect(page.getByTestId('forecast-model')).toHaveText(serving!);
      expect(await shownForecast(page, HISTORY.lastDate)).toEqual(before);
      await pickCsv(page, NEWER.csv, 'newer.csv');
      await shownForecast(page, NEWER.lastDate);
      await expectNoInternalMessages(page);

      // Room again: the next retrain is saved, and serves after a reload.
      await setQuota(null);
      await page.getByTestId('forecast-retrain').click();
      await expect(message).toContainText('Done: Serving a model retrained on this device');
      await expect(message).toContainText('It is saved on this device.');
      await page.reload();
      await expect(page.getByTestId('forecast-model')).toContainText('retrained on this device', { timeout: 60_000 });
    },
  );
});

test.describe('the service worker cannot cache a model', () => {
  test('the online page still downloads it and answers; the model is simply not kept for offline', async ({ page, baseURL }) => {
    // The app shell is cached first (it needs the room); then the storage is full.
    await page.goto('#/about');
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 60_000 });
    await (await quotaControl(page, new URL(baseURL!).origin))(1);

    await page.getByTestId('nav-digits').click();
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7', { timeout: 60_000 });
    await expect(page.getByTestId('model-error')).toHaveCount(0);
    await expectNoInternalMessages(page);
    // The failure did happen: the model is not in the service worker's cache.
    expect(await page.evaluate(keptForOfflineInPage, { task: 'digits', extra: [] })).toBe(false);

    // A second page's model, downloaded through the same full cache, answers too.
    await page.getByTestId('nav-text').click();
    await page.getByTestId('text-seed').fill('A neural network');
    await page.getByTestId('text-words').fill('12');
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '12', { timeout: 60_000 });
    await expectNoInternalMessages(page);
  });
});
