/**
 * A slow phone (CPU slowed 4x): photos are decoded off the page's main thread, so it keeps
 * answering. Asserted as behaviour, not as milliseconds (a long task's length is this machine's
 * speed and load; `npm run bench` measures it as <task>.longestTaskMs): the page itself reads no
 * photo-sized pixels, and the photo is answered.
 */
import type { Page } from '@playwright/test';
import { DIGIT_STROKES } from '../fixtures/digit-strokes.ts';
import { photoLikePng } from '../fixtures/images.ts';
import { digitPicture } from '../fixtures/png.ts';
import { expectPredictions } from '../support/images.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

/** Records, on the page's main thread only, the largest area any canvas drew or read back. */
const WATCH_CANVAS_WORK = `
  globalThis.__largestCanvasWork = 0;
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
    const getImageData = proto.getImageData;
    proto.getImageData = function (x, y, w, h, ...rest) {
      globalThis.__largestCanvasWork = Math.max(globalThis.__largestCanvasWork, Math.abs(w * h));
      return getImageData.call(this, x, y, w, h, ...rest);
    };
    const drawImage = proto.drawImage;
    proto.drawImage = function (source, ...rest) {
      const w = source.width ?? 0, h = source.height ?? 0;
      globalThis.__largestCanvasWork = Math.max(globalThis.__largestCanvasWork, w * h);
      return drawImage.call(this, source, ...rest);
    };
  }
`;

const largestCanvasWork = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __largestCanvasWork: number }).__largestCanvasWork);

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ content: WATCH_CANVAS_WORK });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
});

test('images: a 4-megapixel photo is classified, and the page reads none of its pixels itself', async ({ page }) => {
  await page.goto('#/images');
  await page.getByTestId('image-input').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: photoLikePng(2400, 1600, 4) });
  await expectPredictions(page, 1, ['cat', 'coffee']);
  // The preview <img> is the browser's; the pixels for the model were decoded in the picture worker.
  expect(await largestCanvasWork(page)).toBe(0);
});

test('digits: a 3-megapixel photo of a 3 is read; the page handles only the small copy it shows', async ({ page }) => {
  await page.goto('#/digits');
  const buffer = digitPicture(DIGIT_STROKES[3], { width: 2000, height: 1500, paper: [240, 240, 235], ink: [20, 20, 40] });
  await page.getByTestId('digit-upload').setInputFiles({ name: 'three.png', mimeType: 'image/png', buffer });
  await expect(page.getByTestId('digit-prediction')).toHaveText('3', { timeout: 60_000 });
  // The canvas shows the picture scaled to 560 px on its longest side (in the worker), never the photo.
  const largest = await largestCanvasWork(page);
  expect(largest).toBeGreaterThan(0);
  expect(largest).toBeLessThanOrEqual(560 * 560);
});
