/**
 * The impatient visitor: each page's first action comes right after `page.goto`, with no wait for
 * the model, in a fresh browser context; again while the model is still downloading on a slow
 * connection; again on a CPU slowed 4x. The answer must arrive every time, and no message may
 * read like a program's.
 */
import type { Page } from '@playwright/test';
import { DIGIT_STROKES } from '../fixtures/digit-strokes.ts';
import { photoLikePng } from '../fixtures/images.ts';
import { digitPicture } from '../fixtures/png.ts';
import { priceSeries } from '../fixtures/prices.ts';
import { drawDigit, setFaults } from '../support/app.ts';
import { dropCsv, shownForecast } from '../support/forecast.ts';
import { dropFiles, expectPredictions, pasteFiles, shippedModelAsOwnFiles } from '../support/images.ts';
import { expectNoInternalMessages } from '../support/plain-messages.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' }); // every visit is a first visit: nothing cached

type Condition = { name: string; apply: (page: Page) => Promise<void>; only?: string[] };

const CONDITIONS: Condition[] = [
  { name: 'at once', apply: async () => {} },
  {
    // ~1 MB/s: the models (0.9 to 4 MB) are still downloading when the person acts.
    name: 'on a slow connection',
    apply: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 200,
        downloadThroughput: 1_000_000,
        uploadThroughput: 250_000,
      });
    },
  },
  {
    // The WebAssembly binary arrives late, so tfjs is still starting when the request comes
    // (only for the actions that met "Backend 'wasm' has not yet been initialized" before).
    only: ['images: drop a photo', 'images: pick your own model', 'text: Generate'],
    name: 'while the backend is still starting',
    apply: async (page) => {
      await page.context().route('**/*.wasm', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
    },
  },
  {
    name: 'on a CPU slowed 4x',
    apply: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    },
  },
];

const photo = (name: string, seed: number) => ({ name, mimeType: 'image/png', buffer: photoLikePng(320, 240, seed) });
const PRICES = priceSeries({ start: '2023-01-02', days: 7 * 40, seed: 5 });

const ACTIONS: Record<string, { route: string; act: (page: Page) => Promise<void> }> = {
  'digits: upload a picture': {
    route: '#/digits',
    act: async (page) => {
      const buffer = digitPicture(DIGIT_STROKES[3], { width: 300, height: 300, paper: [240, 240, 235], ink: [20, 20, 40] });
      await page.getByTestId('digit-upload').setInputFiles({ name: 'three.png', mimeType: 'image/png', buffer });
      await expect(page.getByTestId('digit-prediction')).toHaveText('3', { timeout: 60_000 });
    },
  },
  'digits: draw': {
    route: '#/digits',
    act: async (page) => {
      await drawDigit(page, 7);
      await expect(page.getByTestId('digit-prediction')).toHaveText('7', { timeout: 60_000 });
    },
  },
  'images: drop a photo': {
    route: '#/images',
    act: async (page) => {
      await dropFiles(page, 'image-drop', [photo('dropped.png', 1)]);
      await expectPredictions(page, 1, ['cat', 'coffee']);
    },
  },
  'images: paste a photo': {
    route: '#/images',
    act: async (page) => {
      await page.getByTestId('image-drop').waitFor(); // a paste needs the page to be listening
      await pasteFiles(page, [photo('pasted.png', 2)]);
      await expectPredictions(page, 1, ['cat', 'coffee']);
    },
  },
  'images: pick your own model': {
    route: '#/images',
    act: async (page) => {
      await page.locator('.byo-panel summary').click();
      await page.getByTestId('byo-files').setInputFiles(shippedModelAsOwnFiles());
      await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 2 classes', { timeout: 60_000 });
    },
  },
  'text: Generate': {
    route: '#/text',
    act: async (page) => {
      await page.getByTestId('text-seed').fill('A neural network');
      await page.getByTestId('text-words').fill('12');
      await page.getByTestId('text-generate').click();
      await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '12', { timeout: 60_000 });
    },
  },
  'text: Random': {
    route: '#/text',
    act: async (page) => {
      await page.getByTestId('text-words').fill('12');
      await page.getByTestId('text-random').click();
      await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '12', { timeout: 60_000 });
    },
  },
  'forecast: drop a price file': {
    route: '#/forecast',
    act: async (page) => {
      await page.locator('section.forecast').waitFor(); // the drop zone is the page itself
      await dropCsv(page, PRICES.csv);
      await shownForecast(page, PRICES.lastDate);
    },
  },
  'forecast: retrain': {
    route: '#/forecast',
    act: async (page) => {
      await page.getByTestId('forecast-epochs').fill('3');
      await page.getByTestId('forecast-retrain').click();
      await expect(page.getByTestId('forecast-train-message')).toContainText('Done', { timeout: 60_000 });
      await expect(page.getByTestId('forecast-table').locator('tr[data-date]')).toHaveCount(7);
    },
  },
};

for (const condition of CONDITIONS) {
  test.describe(`the first action ${condition.name}`, () => {
    for (const [name, { route, act }] of Object.entries(ACTIONS).filter(([n]) => !condition.only || condition.only.includes(n))) {
      test(name, async ({ page }) => {
        await condition.apply(page);
        await page.goto(route);
        await act(page);
        await expect(page.getByTestId('model-error')).toHaveCount(0);
        await expectNoInternalMessages(page);
      });
    }
  });
}

test.describe('a download cancelled while requests wait', () => {
  // The weights arrive half-way and hang there until the test lets them go, as a stalled connection does.
  const stallWeights = (baseURL: string, task: string) => setFaults(baseURL, { [`/models/${task}/group1-shard1of1.bin`]: 'stall' });
  test.afterEach(async ({ baseURL }) => setFaults(baseURL!, {}));

  test('images: a photo dropped before a cancelled download is kept and classified after Retry', async ({ page, baseURL }) => {
    await stallWeights(baseURL!, 'images');
    await page.goto('#/images');
    await dropFiles(page, 'image-drop', [photo('kept.png', 3)]);
    await page.getByTestId('model-cancel').click();
    await expect(page.locator('.image-card')).toContainText('Kept');
    await expectNoInternalMessages(page);
    await setFaults(baseURL!, {});
    await page.getByTestId('model-retry').click();
    await expectPredictions(page, 1, ['cat', 'coffee']);
  });

  test('text: a Generate pressed before a cancelled download is written after Retry', async ({ page, baseURL }) => {
    await stallWeights(baseURL!, 'text');
    await page.goto('#/text');
    await page.getByTestId('text-seed').fill('A neural network');
    await page.getByTestId('text-words').fill('12');
    await page.getByTestId('text-generate').click();
    await page.getByTestId('model-cancel').click();
    await expect(page.getByTestId('text-status')).toContainText('Your start is kept');
    await setFaults(baseURL!, {});
    await page.getByTestId('model-retry').click();
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '12');
  });

  test('digits: a drawing made before a cancelled download is read after Retry', async ({ page, baseURL }) => {
    await stallWeights(baseURL!, 'digits');
    await page.goto('#/digits');
    await drawDigit(page, 4);
    await page.getByTestId('model-cancel').click();
    await expect(page.getByTestId('model-retry')).toBeVisible();
    await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
    await setFaults(baseURL!, {});
    await page.getByTestId('model-retry').click();
    await expect(page.getByTestId('digit-prediction')).toHaveText('4');
  });
});
