/** Reliability: a burst of inferences while the visitor clicks from page to page. */

import { drawDigit, expectModelReady, workerMemory } from '../support/app.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

test('200 rapid inferences while switching pages: no crash, no tensor growth', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('#/digits');
  await expectModelReady(page);
  await drawDigit(page, 3);
  await expect(page.getByTestId('digit-prediction')).toHaveText('3');
  // Every page's model loaded first: the pages visited below then add no tensors of their own,
  // so any growth would be a leak. (The forecast model lives in its own worker.)
  await page.evaluate(() => Promise.all(['images', 'text'].map((task) => (window as any).__tabml.client.call('load', { task }))));
  const before = await workerMemory(page);

  // Fire 200 requests without waiting, then hop between pages while they run.
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="digit-canvas"]') as HTMLCanvasElement;
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const client = (window as any).__tabml.client;
    (window as any).__burst = Promise.all(
      Array.from({ length: 200 }, () =>
        client.call('recognizeDigit', { image: { data: data.slice(), width, height } }).then((r: any) => r.result.digit),
      ),
    );
  });
  for (let round = 0; round < 5; round++) {
    for (const nav of ['nav-images', 'nav-text', 'nav-forecast', 'nav-digits']) await page.getByTestId(nav).click();
  }
  const digits: number[] = await page.evaluate(() => (window as any).__burst);
  expect(digits).toHaveLength(200);
  expect(new Set(digits)).toEqual(new Set([3]));
  expect((await workerMemory(page)).numTensors).toBe(before.numTensors);

  await expectModelReady(page);
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  expect(errors).toEqual([]);
});
