/**
 * Accessibility, measured: axe-core on every page, at a desktop and a phone viewport, empty, with
 * results and with an error shown, and no page wider than its viewport. One page load per page and
 * viewport, reused for its three states.
 */

import { photoLikePng } from '../fixtures/images.ts';
import { priceSeries } from '../fixtures/prices.ts';
import { drawDigit } from '../support/app.ts';
import { expectNoViolations, expectPageShown } from '../support/axe.ts';
import { pickCsv, withoutSamplePrices } from '../support/forecast.ts';
import { expect, test } from '../support/test.ts';

// A model cached by the service worker of an earlier test would hide nothing here, but costs time.
test.use({ serviceWorkers: 'block' });

const VIEWPORTS = {
  desktop: { width: 1100, height: 800 },
  // The narrowest phone, and WCAG's reflow width: nothing may scroll sideways at 320 CSS px.
  phone: { width: 320, height: 700 },
};

const notAPicture = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') };

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`axe at ${device} size`, () => {
    test.use({ viewport });

    test(`digits (${device})`, async ({ page }) => {
      await page.goto('#/digits');
      await expectPageShown(page);
      await expectNoViolations(page, 'digits, empty');

      await drawDigit(page, 3);
      await expect(page.getByTestId('digit-prediction')).toBeVisible({ timeout: 60_000 });
      await expectNoViolations(page, 'digits, with a result');

      await page.getByTestId('digit-upload').setInputFiles(notAPicture);
      await expect(page.getByRole('alert')).toContainText('is not a picture');
      await expectNoViolations(page, 'digits, with an error');
    });

    test(`images (${device})`, async ({ page }) => {
      await page.goto('#/images');
      await expectPageShown(page);
      await expectNoViolations(page, 'images, empty');

      await page.getByTestId('image-input').setInputFiles({ name: 'mug.png', mimeType: 'image/png', buffer: photoLikePng(320, 240, 1) });
      await expect(page.getByTestId('image-prediction')).toBeVisible({ timeout: 60_000 });
      await expectNoViolations(page, 'images, with a result');

      await page.getByTestId('image-input').setInputFiles(notAPicture);
      await expect(page.getByTestId('image-error')).toBeVisible();
      await expectNoViolations(page, 'images, with an error');
    });

    test(`text (${device})`, async ({ page }) => {
      await page.goto('#/text');
      await expectPageShown(page);
      await expectNoViolations(page, 'text, empty');

      // With a long unbroken token, as a pasted link is: it must not widen the page.
      await page.getByTestId('text-seed').fill(`A neural network (see https://example.com/${'patent'.repeat(20)}) is trained to`);
      await page.getByTestId('text-words').fill('12');
      await page.getByTestId('text-generate').click();
      await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '12', { timeout: 60_000 });
      await expect(page.getByTestId('text-generate')).toBeEnabled();
      await expectNoViolations(page, 'text, with generated text');

      await page.getByTestId('text-words').fill('0');
      await page.getByTestId('text-generate').click();
      await expect(page.getByTestId('text-error')).toBeVisible();
      await expectNoViolations(page, 'text, with an error');
    });

    test(`forecast (${device})`, async ({ page }) => {
      // Empty means no prices at all: the bundled history is kept away, a file brings the results.
      await withoutSamplePrices(page);
      await page.goto('#/forecast');
      await expectPageShown(page);
      await expectNoViolations(page, 'forecast, empty');

      await pickCsv(page, priceSeries({ start: '2023-01-01', days: 150 }).csv);
      await expect(page.getByTestId('forecast-table').locator('tr[data-date]')).toHaveCount(7, { timeout: 60_000 });
      await expect(page.getByTestId('forecast-metrics')).toBeVisible();
      await expectNoViolations(page, 'forecast, with the forecast');

      await pickCsv(page, 'this,is\nnot,prices\n', 'notes.csv');
      await expect(page.getByTestId('forecast-error')).toBeVisible();
      await expectNoViolations(page, 'forecast, with an error');
    });

    test(`about (${device})`, async ({ page }) => {
      await page.goto('#/about');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, 'about');
      // The backend badge's explanation is the shell's one pop-up: measured open as well.
      await page.getByTestId('backend-badge').click();
      await expect(page.getByTestId('backend-why')).toBeVisible();
      await expectNoViolations(page, 'about, with the backend explanation open');
    });
  });
}
