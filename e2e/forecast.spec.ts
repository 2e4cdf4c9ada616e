import { priceSeries } from './fixtures/prices.ts';
import { waitUntilKeptForOffline } from './support/app.ts';
import {
  dropCsv,
  forecastMemory,
  nextDay,
  openForecast,
  pasteCsv,
  pickCsv,
  shownForecast,
  withoutSamplePrices,
} from './support/forecast.ts';
import { expect, test } from './support/test.ts';

// 60 weeks of a seeded random walk: 15 held out, 45 to train on.
const HISTORY = priceSeries({ start: '2023-01-02', days: 7 * 60, seed: 11 });

test.describe('forecast page', () => {
  test.use({ serviceWorkers: 'block' }); // about the page; the offline test below allows them

  test.beforeEach(async ({ page }) => {
    await withoutSamplePrices(page);
  });

  test(
    'starts empty without sample prices; a picked CSV gets 7 dated ' + 'days from the shipped model, scored beside the naive forecast',
    async ({ page }) => {
      await openForecast(page);
      await expect(page.getByTestId('forecast-empty')).toBeVisible();
      await expect(page.getByTestId('forecast-model')).toContainText('shipped model, trained on Bitcoin closes 2016-01-04 … 2019-08-04');
      // Every status the page announces until the forecast shows (on a software GPU a first forecast takes seconds).
      const statuses = await page.evaluateHandle(() => {
        const seen: string[] = [];
        new MutationObserver(() => {
          const status = document.querySelector('[data-testid="forecast-pending"][role="status"]')?.textContent;
          if (status && !seen.includes(status)) seen.push(status);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        return seen;
      });
      await pickCsv(page, HISTORY.csv);
      const shown = await shownForecast(page, HISTORY.lastDate);
      expect(await statuses.jsonValue()).toEqual(['Forecasting the next 7 days from these prices…']);
      await expect(page.getByTestId('forecast-pending')).toHaveText('');
      expect(shown.dates).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => nextDay(HISTORY.lastDate, n)));
      for (const p of shown.predictions) expect(p).toBeGreaterThan(0);

      for (const id of ['forecast-metrics', 'forecast-baseline']) {
        const box = page.getByTestId(id);
        for (const metric of ['mse', 'rmse', 'mape']) await expect(box.locator(`[data-metric="${metric}"]`)).toHaveText(/\d/);
      }
      await expect(page.getByText('One week ahead on the 15 most recent weeks')).toBeVisible();
      const chart = page.getByTestId('forecast-chart');
      await expect(chart).toHaveAccessibleName('Bitcoin closes, last six months, and the next 7 days');
      await expect(chart).toHaveAccessibleDescription(new RegExp(`then the forecast to ${shown.dates[6]}`));
      await expect(chart.locator('polyline')).toHaveCount(2);

      const payload = JSON.parse((await page.getByTestId('forecast-json').textContent())!);
      expect(Object.keys(payload).sort()).toEqual(['message', 'period_length', 'result', 'success']);
      expect(payload.period_length).toBe(7);
      expect(payload.success).toBe(true);
      expect(payload.result.map((r: { date: string }) => r.date)).toEqual(shown.dates);
      payload.result.forEach((r: { prediction: number }, i: number) => {
        expect(Object.keys(r).sort()).toEqual(['date', 'prediction']);
        expect(r.prediction).toBe(shown.predictions[i]);
      });
      const download = page.waitForEvent('download');
      await page.getByTestId('forecast-json-download').click();
      expect((await download).suggestedFilename()).toBe('predict.json');
    },
  );

  test(
    'drop a CSV, retrain with 3 epochs: progress, a new model and ' + 'forecast that survive a reload; reset returns to the shipped model',
    async ({ page }) => {
      await openForecast(page);
      await dropCsv(page, HISTORY.csv);
      const shipped = await shownForecast(page, HISTORY.lastDate);
      const tensors = (await forecastMemory(page)).numTensors;

      await page.getByTestId('forecast-epochs').fill('3');
      await page.getByTestId('forecast-retrain').click();
      await expect(page.getByTestId('forecast-train-message')).toContainText('Done: Serving a model retrained on this device');
      await expect(page.getByTestId('forecast-progress')).toContainText('epoch 3 of 3');
      // Three epochs, three points: the curve and its words are written per epoch, outside React.
      await expect(page.getByTestId('forecast-progress').locator('.loss-curve polyline')).toHaveAttribute(
        'points',
        /^\S+,\S+ \S+,\S+ \S+,\S+$/,
      );
      await expect(page.getByTestId('forecast-progress')).toContainText(/Training loss over 3 epochs, from \S+ to \S+/);
      await expect(page.getByRole('progressbar', { name: 'Training' })).toHaveAttribute('aria-valuenow', '3');
      await expect(page.getByTestId('forecast-model')).toContainText(
        'retrained on this device on 2023-01-02 … 2023-11-12 (45 weeks), 3 epochs',
      );
      await expect.poll(async () => (await shownForecast(page)).predictions).not.toEqual(shipped.predictions);
      const retrained = await shownForecast(page, HISTORY.lastDate);

      await page.reload();
      await expect(page.getByTestId('forecast-model')).toContainText('retrained on this device');
      expect(await shownForecast(page, HISTORY.lastDate)).toEqual(retrained); // the prices and the model came back from IndexedDB

      await page.getByTestId('forecast-reset').click();
      await expect(page.getByTestId('forecast-model')).toContainText('Serving the shipped model');
      await expect.poll(async () => (await shownForecast(page)).predictions).toEqual(shipped.predictions);
      await expect(page.getByTestId('forecast-reset')).toBeDisabled();
      await page.reload();
      await expect(page.getByTestId('forecast-model')).toContainText('Serving the shipped model');
      await shownForecast(page, HISTORY.lastDate);
      expect((await forecastMemory(page)).numTensors).toBe(tensors);
    },
  );

  test('cancel stops training and the old model keeps serving, also after a reload', async ({ page }) => {
    await openForecast(page);
    await pasteCsv(page, HISTORY.csv);
    const before = await shownForecast(page, HISTORY.lastDate);
    await page.getByTestId('forecast-epochs').fill('5000');
    await page.getByTestId('forecast-train-new').click();
    const epoch = async () => Number(await page.getByTestId('forecast-epoch').textContent());
    await expect.poll(epoch).toBeGreaterThan(0);
    // An epoch changes the training box and nothing else: a change outside it would have more of the page
    // restyled, laid out and repainted per epoch.
    const changedOutside = await page.evaluateHandle(() => {
      const box = document.querySelector('[data-testid="forecast-progress"]');
      const changed: string[] = [];
      new MutationObserver((records) => {
        for (const { target, type } of records) if (!box?.contains(target)) changed.push(`${type} of ${target.nodeName}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      return changed;
    });
    const seen = await epoch();
    await expect.poll(epoch).toBeGreaterThan(seen + 2);
    expect(await changedOutside.jsonValue()).toEqual([]);
    await expect(page.getByTestId('forecast-retrain')).toBeDisabled();
    await page.getByTestId('forecast-cancel').click();
    await expect(page.getByTestId('forecast-train-message')).toContainText(
      /Training cancelled after \d+ of 5000 epochs; the previous model still serves/,
    );
    await expect(page.getByTestId('forecast-model')).toContainText('Serving the shipped model');
    expect(await shownForecast(page)).toEqual(before);
    await page.reload();
    await expect(page.getByTestId('forecast-model')).toContainText('Serving the shipped model');
    expect(await shownForecast(page, HISTORY.lastDate)).toEqual(before);
  });

  test('train a new model from scratch; bad epochs are refused before anything starts', async ({ page }) => {
    await openForecast(page);
    await pickCsv(page, HISTORY.csv);
    await shownForecast(page, HISTORY.lastDate);
    await page.getByTestId('forecast-epochs').fill('2.5');
    await page.getByTestId('forecast-train-new').click();
    await expect(page.getByTestId('forecast-epochs-error')).toHaveText("Epochs must be a whole number from 1 to 5000 (not '2.5').");
    await expect(page.getByTestId('forecast-progress')).toHaveCount(0);
    await page.getByTestId('forecast-epochs').fill('3');
    await page.getByTestId('forecast-train-new').click();
    await expect(page.getByTestId('forecast-model')).toContainText(
      'trained from scratch on this device on 2023-01-02 … 2023-11-12 (45 weeks), 3 epochs',
    );
    await expect(page.getByTestId('forecast-epochs-error')).toHaveCount(0);
  });

  test('100 forecasts leave the forecast worker with as many tensors as before', async ({ page }) => {
    await openForecast(page);
    await pickCsv(page, HISTORY.csv);
    await shownForecast(page, HISTORY.lastDate);
    const before = await forecastMemory(page);
    const days = await page.evaluate(async (rows) => {
      const client = (window as any).__tabml.forecast;
      let last = null;
      for (let i = 0; i < 100; i++) last = await client.call('predict', { rows });
      return last.forecast.days.length;
    }, HISTORY.rows);
    expect(days).toBe(7);
    expect((await forecastMemory(page)).numTensors).toBe(before.numTensors);
  });
});

test.describe('offline', () => {
  test('after one visit with no file, the bundled history forecasts offline (the service worker precached it)', async ({
    page,
    context,
  }) => {
    await openForecast(page);
    await expect(page.getByTestId('forecast-data-range')).toHaveText('Prices from 2014-09-17 to 2024-04-21, source: bundled.');
    const shown = await shownForecast(page, '2024-04-21');
    await waitUntilKeptForOffline(page, 'forecast', ['samples/forecast/btc-usd-close.csv']);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.getByTestId('forecast-data-range')).toHaveText('Prices from 2014-09-17 to 2024-04-21, source: bundled.', {
        timeout: 60_000,
      });
      expect(await shownForecast(page, '2024-04-21')).toEqual(shown);
    } finally {
      await context.setOffline(false);
    }
  });

  test('after one visit, the page forecasts offline from the kept prices and the cached model', async ({ page, context }) => {
    await openForecast(page);
    await pickCsv(page, HISTORY.csv);
    const shown = await shownForecast(page, HISTORY.lastDate);
    await waitUntilKeptForOffline(page, 'forecast');
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.getByTestId('forecast-model')).toContainText('Serving the shipped model', { timeout: 60_000 });
      expect(await shownForecast(page, HISTORY.lastDate)).toEqual(shown);
    } finally {
      await context.setOffline(false);
    }
  });
});
