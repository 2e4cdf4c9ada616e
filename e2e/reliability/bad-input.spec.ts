/** Reliability: every bad input the Digits page can get, one catalogue. */

import { encodePng } from '../fixtures/png.ts';
import { drawDigit, expectModelReady } from '../support/app.ts';
import { expectNoInternalMessagesSeen, recordErrorTexts } from '../support/plain-messages.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

// Every message any of these inputs brings up, even for a moment, must be plain words.
test.beforeEach(async ({ page }) => recordErrorTexts(page));
test.afterEach(async ({ page }) => expectNoInternalMessagesSeen(page));

test.beforeEach(async ({ page }) => {
  await page.goto('#/digits');
  await expectModelReady(page);
});

test('digits: an empty canvas asks for a drawing instead of guessing', async ({ page }) => {
  await page.getByTestId('digit-clear').click();
  await expect(page.getByText('Draw a digit in the box')).toBeVisible();
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
});

test('digits: a blank picture (no ink at all) gives no prediction', async ({ page }) => {
  await page
    .getByTestId('digit-upload')
    .setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: encodePng(50, 40, new Uint8Array(50 * 40 * 3).fill(255)) });
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
  await expect(page.getByText('Draw a digit in the box')).toBeVisible();
});

test('digits: a non-image, a broken image and a 60-megapixel image each get a clear message; the page keeps working', async ({ page }) => {
  const upload = page.getByTestId('digit-upload');
  await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert')).toContainText('is not a picture');

  const broken = encodePng(40, 40, new Uint8Array(40 * 40 * 3)).subarray(0, 60); // header, then cut off
  await upload.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: broken });
  await expect(page.getByRole('alert')).toContainText('could not be read as an image');

  // 60 megapixels of one colour compress to almost nothing; the header alone is refused.
  const huge = encodePng(8000, 7500, new Uint8Array(8000 * 7500 * 3).fill(255));
  await upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: huge });
  await expect(page.getByRole('alert')).toContainText('60 megapixels');

  await drawDigit(page, 4);
  await expect(page.getByTestId('digit-prediction')).toHaveText('4');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
