/** Reliability: every bad input the Images page can get, one catalogue; the page keeps working. */

import { fixtureFile, photoLikePng } from '../fixtures/images.ts';
import { encodePng } from '../fixtures/png.ts';
import { expectModelReady } from '../support/app.ts';
import { expectPredictions } from '../support/images.ts';
import { expectNoInternalMessagesSeen, recordErrorTexts } from '../support/plain-messages.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

// Every message any of these inputs brings up, even for a moment, must be plain words.
test.beforeEach(async ({ page }) => recordErrorTexts(page));
test.afterEach(async ({ page }) => expectNoInternalMessagesSeen(page));

/** A PNG whose header says width×height, with a 1×1 image's data: refused from the header alone. */
function pngClaiming(width: number, height: number): Buffer {
  const b = Buffer.from(encodePng(1, 1, new Uint8Array(3)));
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

test('images: not an image, truncated JPEG, 0 bytes, SVG, >50 megapixels, corrupt data: each explained; the page keeps working', async ({
  page,
}) => {
  await page.goto('#/images');
  await expectModelReady(page);
  const jpeg = fixtureFile('jpeg-photo-like.jpg');
  const catalogue: Array<{ name: string; mimeType: string; buffer: Buffer; says: RegExp }> = [
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture'), says: /“notes.txt” is not a picture/ },
    { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpeg.subarray(0, Math.floor(jpeg.length / 2)), says: /JPEG that stops part-way/ },
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0), says: /is empty \(0 bytes\)/ },
    {
      name: 'drawing.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
      says: /SVG drawing/,
    },
    {
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: pngClaiming(8000, 7500),
      says: /8000×7500 pixels \(60 megapixels\); the limit is 50/,
    },
    {
      name: 'noise.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 256)),
      says: /could not be read as an image/,
    },
  ];
  for (const [i, bad] of catalogue.entries()) {
    await page.getByTestId('image-input').setInputFiles(bad);
    await expect(page.getByTestId('image-error')).toHaveCount(i + 1);
    await expect(page.getByTestId('image-error').nth(i)).toContainText(bad.says);
  }
  await expect(page.getByTestId('image-prediction')).toHaveCount(0);
  await page.getByTestId('image-input').setInputFiles({ name: 'fine.png', mimeType: 'image/png', buffer: photoLikePng(200, 160, 11) });
  await expectPredictions(page, 1, ['cat', 'coffee']);
  await page.getByTestId('image-input').setInputFiles({ name: 'whole.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expectPredictions(page, 2, ['cat', 'coffee']);
});
