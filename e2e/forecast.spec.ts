import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { priceSeries } from './fixtures/prices.ts';
import { dropCsv, forecastMemory, nextDay, openForecast, pasteCsv, pickCsv, shownForecast, withoutSamplePrices } from './support/forecast.ts';
import { waitUntilKeptForOffline } from './support/app.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

// 60 weeks of a seeded random walk: 15 held out, 45 to train on.
const HISTORY = priceSeries({ start: '2023-01-02', days: 7 * 60, seed: 11 });
// The same walk's first 50 weeks: a newer file extends it.
const OLDER = priceSeries({ start: '2023-01-02', days: 7 * 50, seed: 11 });

test.describe('forecast page', () => {
  test.use({ serviceWorkers: 'block' }); // about the page; the offline test below allows them

  test.beforeEach(async ({ page }) => {
    await withoutSamplePrices(page);
  });

  test('starts empty without sample prices; a picked CSV gets 7 dated days from the shipped model, scored beside the naive forecast', async ({ page }) => {
    await openForecast(page);
    await expect(page.getByTestId('forecast-empty')).toBeVisible();
    await expect(page.getByTestId('forecast-model')).toContainText('shipped model, trained on Bitcoin closes 2016-01-04 … 2019-08-04');
    await pickCsv(page, HISTORY.csv);
    const shown = await shownForecast(page, HISTORY.lastDate);
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
  });

  test('drop a CSV, retrain with 3 epochs: progress, a new model and forecast that survive a reload; reset returns to the shipped model', async ({ page }) => {
    await openForecast(page);
    await dropCsv(page, HISTORY.csv);
    const shipped = await shownForecast(page, HISTORY.lastDate);
    const tensors = (await forecastMemory(page)).numTensors;

    await page.getByTestId('forecast-epochs').fill('3');
    await page.getByTestId('forecast-retrain').click();
    await expect(page.getByTestId('forecast-train-message')).toContainText('Done: Serving a model retrained on this device');
    await expect(page.getByTestId('forecast-progress')).toContainText('epoch 3 of 3');
    await expect(page.getByTestId('forecast-progress').locator('.loss-curve polyline')).toHaveCount(1);
    await expect(page.getByTestId('forecast-model')).toContainText('retrained on this device on 2023-01-02 … 2023-11-12 (45 weeks), 3 epochs');
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
  });

  test('cancel stops training and the old model keeps serving, also after a reload', async ({ page }) => {
    await openForecast(page);
    await pasteCsv(page, HISTORY.csv);
    const before = await shownForecast(page, HISTORY.lastDate);
    await page.getByTestId('forecast-epochs').fill('5000');
    await page.getByTestId('forecast-train-new').click();
    await expect.poll(async () => Number(await page.getByTestId('forecast-epoch').textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId('forecast-retrain')).toBeDisabled();
    await page.getByTestId('forecast-cancel').click();
    await expect(page.getByTestId('forecast-train-message')).toContainText(/Training cancelled after \d+ of 5000 epochs; the previous model still serves/);
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
    await expect(page.getByTestId('forecast-model')).toContainText('trained from scratch on this device on 2023-01-02 … 2023-11-12 (45 weeks), 3 epochs');
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

test.describe('fetch the latest prices from a second origin', () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ serviceWorkers: 'block' });
  let dir: string;
  let prices: StaticServer;
  let app: StaticServer;

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tabml-forecast-'));
    const pricesRoot = path.join(dir, 'prices');
    execFileSync('mkdir', ['-p', pricesRoot]);
    writeFileSync(path.join(pricesRoot, 'latest.csv'), HISTORY.csv);
    prices = await startStaticServer({ root: pricesRoot, cors: true });
    // A build of the app whose "fetch latest" reads the second origin (VITE_PRICES_URL).
    execFileSync('npx', ['vite', 'build', '--outDir', path.join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, VITE_PRICES_URL: `${prices.url}latest.csv` },
      stdio: 'inherit',
    });
    app = await startStaticServer({ root: path.join(dir, 'dist') });
  });
  test.afterAll(async () => {
    await Promise.all([app?.close(), prices?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a failed download says so and can be retried; the fetched prices are merged and kept', async ({ page, context }) => {
    await withoutSamplePrices(page);
    await page.goto(`${app.url}#/forecast`);
    await expect(page.getByTestId('forecast-model')).toBeVisible({ timeout: 60_000 });
    await pickCsv(page, OLDER.csv, 'older.csv');
    const older = await shownForecast(page, OLDER.lastDate);
    const fetchButton = page.getByTestId('forecast-fetch');

    prices.faults.set('/latest.csv', 'missing');
    await fetchButton.click();
    await expect(page.getByTestId('forecast-fetch-error')).toHaveText(`Could not download the latest prices from ${prices.url}latest.csv: the server answered 404 Not Found. Check your connection, then retry.`);
    await expect(fetchButton).toHaveText('Retry fetching the latest prices');
    expect(await shownForecast(page)).toEqual(older);

    await context.setOffline(true);
    await fetchButton.click();
    await expect(page.getByTestId('forecast-fetch-error')).toContainText('the network request failed. Check your connection, then retry.');
    await context.setOffline(false);
    expect(await shownForecast(page)).toEqual(older);

    prices.faults.clear();
    await fetchButton.click();
    await expect(page.getByText('Fetched: 70 new days.')).toBeVisible();
    await expect(page.getByTestId('forecast-fetch-error')).toHaveCount(0);
    const latest = await shownForecast(page, HISTORY.lastDate);
    expect(prices.requests.filter((p) => p === '/latest.csv').length).toBe(2); // the 404 and this one; offline, nothing left the page
    expect(app.requests.some((p) => p.includes('latest.csv'))).toBe(false);

    await page.reload();
    expect(await shownForecast(page, HISTORY.lastDate)).toEqual(latest);
  });
});

test.describe('offline', () => {
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
