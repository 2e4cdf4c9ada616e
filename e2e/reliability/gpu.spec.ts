/** Reliability: the GPU goes away in the middle of an inference, or of a training. */
import { photoLikePng } from '../fixtures/images.ts';
import { priceSeries } from '../fixtures/prices.ts';
import { drawDigit, expectModelReady, workerMemory } from '../support/app.ts';
import { forecastMemory, nextDay, pickCsv, shownForecast } from '../support/forecast.ts';
import { expectPredictions, shippedModelAsOwnFiles } from '../support/images.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

test('a WebGL context lost mid-inference: the result still arrives, on wasm', async ({ page }) => {
  await page.goto('?backend=webgl#/digits');
  await expect(page.getByTestId('backend-badge')).toContainText('webgl');
  await expectModelReady(page);
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  // Start a recognition and lose the context while it is in flight.
  const digit = await page.evaluate(async () => {
    const tabml = (window as any).__tabml;
    const canvas = document.querySelector('[data-testid="digit-canvas"]') as HTMLCanvasElement;
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const pending = tabml.client.call('recognizeDigit', { image: { data, width, height } });
    await tabml.client.call('loseWebGLContext', {});
    return (await pending).result.digit;
  });
  expect(digit).toBe(7);
  await expect(page.getByTestId('backend-badge')).toContainText('wasm');
  expect((await workerMemory(page)).backend).toBe('wasm');
  await page.getByTestId('digit-clear').click();
  await drawDigit(page, 1);
  await expect(page.getByTestId('digit-prediction')).toHaveText('1');
});

test('a WebGL context lost under a bring-your-own model: it is rebuilt on wasm from the same files', async ({ page }) => {
  await page.goto('?backend=webgl#/images');
  await expect(page.getByTestId('backend-badge')).toContainText('webgl');
  await expectModelReady(page);
  await page.locator('.byo-panel summary').click();
  await page.getByTestId('byo-files').setInputFiles(shippedModelAsOwnFiles(['kitty', 'espresso']));
  await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 2 classes');
  const label = await page.evaluate(async () => {
    const client = (window as any).__tabml.client;
    const image = { data: new Uint8ClampedArray(80 * 60 * 4).fill(200), width: 80, height: 60, channels: 4 };
    const pending = client.call('classifyWithCustomModel', { image, preprocessing: { mode: 'caffe', interpolation: 'nearest' } });
    await client.call('loseWebGLContext', {});
    return (await pending).label as string;
  });
  expect(['kitty', 'espresso']).toContain(label);
  await expect(page.getByTestId('backend-badge')).toContainText('wasm');
  await page
    .getByTestId('image-input')
    .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photoLikePng(120, 90, 3, 'warm') });
  await expectPredictions(page, 1, ['kitty', 'espresso']);
});

test.describe('the forecast worker', () => {
  // WebGL here is SwiftShader, a GPU in software: a forecast takes ten times as long as on wasm.
  test.slow();
  const HISTORY = priceSeries({ start: '2023-01-02', days: 7 * 40, seed: 11 });

  test('a WebGL context lost mid-forecast: the forecast still arrives, on wasm', async ({ page }) => {
    await page.goto('?backend=webgl#/forecast');
    await expect(page.getByTestId('forecast-model')).toBeVisible({ timeout: 60_000 });
    expect((await forecastMemory(page)).backend).toBe('webgl');
    const days = await page.evaluate(async (rows) => {
      const client = (window as any).__tabml.forecast;
      const pending = client.call('predict', { rows });
      if (!(await client.call('loseWebGLContext', {}))) throw new Error('the forecast worker had no WebGL context to lose');
      return (await pending).forecast.days.map((d: { date: string }) => d.date);
    }, HISTORY.rows);
    expect(days).toHaveLength(7);
    expect(days[0]).toBe(nextDay(HISTORY.lastDate));
    expect((await forecastMemory(page)).backend).toBe('wasm');
    // The page goes on forecasting, on wasm.
    await pickCsv(page, HISTORY.csv);
    await shownForecast(page, HISTORY.lastDate);
  });

  test('a WebGL context lost mid-training: the run starts again on wasm, says so, and the new model serves', async ({ page }) => {
    await page.goto('?backend=webgl#/forecast');
    await expect(page.getByTestId('forecast-model')).toBeVisible({ timeout: 60_000 });
    await pickCsv(page, HISTORY.csv);
    await shownForecast(page, HISTORY.lastDate);
    expect((await forecastMemory(page)).backend).toBe('webgl');
    await page.getByTestId('forecast-epochs').fill('30');
    await page.getByTestId('forecast-retrain').click();
    // Lose the GPU once the first epoch has been shown: the run is under way, 29 epochs to go.
    await expect.poll(async () => Number(await page.getByTestId('forecast-epoch').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as any).__tabml.forecast.call('loseWebGLContext', {}))).toBe(true);
    const message = page.getByTestId('forecast-train-message');
    await expect(message).toContainText('Done', { timeout: 120_000 });
    await expect(message).toContainText('The graphics processor was reset during training, so it started again on the CPU.');
    await expect(page.getByTestId('forecast-epoch')).toHaveText('30');
    await expect(page.getByTestId('forecast-model')).toContainText('retrained on this device');
    expect((await forecastMemory(page)).backend).toBe('wasm');
    await shownForecast(page, HISTORY.lastDate);
  });
});
