/**
 * Every page's main action from the keyboard alone: Tab to the control, Enter or Space to use it.
 * A file picker opened from the keyboard is answered through Playwright's filechooser, as a person
 * would answer the system dialog. The announcements (aria-live) are checked by their attributes.
 */
import type { FileChooser, Page } from '@playwright/test';
import { DIGIT_STROKES } from '../fixtures/digit-strokes.ts';
import { photoLikePng } from '../fixtures/images.ts';
import { digitPicture } from '../fixtures/png.ts';
import { expectPageShown, tabTo } from '../support/axe.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

/**
 * Presses `key` on the focused control and answers the file picker it opens.
 * One `filechooser` listener stays on for the whole page: Playwright intercepts pickers only while one is
 * attached, and a `waitForEvent` per press turns that off and on between presses, so a press could beat it
 * (the picker then never reached the test: 8 of 12 runs lost it on this machine).
 */
function filePickers(page: Page): (key: string, file: { name: string; mimeType: string; buffer: Buffer }) => Promise<void> {
  const waiting: ((chooser: FileChooser) => void)[] = [];
  page.on('filechooser', (chooser) => waiting.shift()?.(chooser));
  return async (key, file) => {
    const chooser = new Promise<FileChooser>((resolve) => waiting.push(resolve));
    await page.keyboard.press(key);
    await (await chooser).setFiles(file);
  };
}

/** The element shown sits inside a polite live region, so screen readers read it out when it changes. */
async function expectAnnounced(page: Page, testId: string): Promise<void> {
  const live = await page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      const region = el.closest('[aria-live], [role="status"], output');
      return region ? (region.getAttribute('aria-live') ?? 'polite') : null;
    });
  expect(live, `${testId} is in an aria-live region`).toBe('polite');
}

test('digits: the drawing canvas says how to do without it; a picture is recognized, and cleared, from the keyboard', async ({ page }) => {
  const pickWithKey = filePickers(page);
  await page.goto('#/digits');
  await expectPageShown(page);
  // Drawing needs a pointer: the canvas's description points to the keyboard path.
  await expect(page.getByTestId('digit-canvas')).toHaveAccessibleDescription(/Recognize a picture/);

  await tabTo(page, page.getByTestId('digit-upload'));
  const picture = digitPicture(DIGIT_STROKES[3], { width: 300, height: 300, paper: [255, 255, 255], ink: [0, 0, 0] });
  await pickWithKey('Space', { name: 'three.png', mimeType: 'image/png', buffer: picture });
  await expect(page.getByTestId('digit-prediction')).toHaveText('3', { timeout: 60_000 });
  await expectAnnounced(page, 'digit-prediction');

  // Clear comes before the upload control in the tab order: Shift+Tab back to it.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('digit-clear')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
});

test('images: the drop zone opens the file picker with Enter and with Space', async ({ page }) => {
  const pickWithKey = filePickers(page);
  await page.goto('#/images');
  await expectPageShown(page);
  const drop = page.getByTestId('image-drop');
  await tabTo(page, drop);
  // Its name is what it shows (no aria-label that says something else).
  await expect(drop).toHaveAccessibleName(/^Drop photos here or click to choose them/);
  await pickWithKey('Enter', { name: 'first.png', mimeType: 'image/png', buffer: photoLikePng(240, 180, 3) });
  await pickWithKey('Space', { name: 'second.png', mimeType: 'image/png', buffer: photoLikePng(240, 180, 4, 'cool') });
  await expect(page.getByTestId('image-prediction')).toHaveCount(2, { timeout: 60_000 });
  await expectAnnounced(page, 'image-prediction');
});

test('text: a start typed, a word count set and Generate pressed with keys only', async ({ page }) => {
  await page.goto('#/text');
  await expectPageShown(page);
  await tabTo(page, page.getByTestId('text-seed'));
  await page.keyboard.type('A neural network is trained to');
  await tabTo(page, page.getByTestId('text-words'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('10');
  await tabTo(page, page.getByTestId('text-generate'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '10', { timeout: 60_000 });
  await expectAnnounced(page, 'text-output');
  // The stream is read out once written, not word by word.
  await expect(page.locator('.text-result')).toHaveAttribute('aria-busy', 'false');
});

test('forecast: epochs set and the model retrained with keys only', async ({ page }) => {
  await page.goto('#/forecast');
  await expectPageShown(page);
  // The CSV picker is in the tab order too.
  await tabTo(page, page.getByTestId('forecast-csv'));
  await tabTo(page, page.getByTestId('forecast-epochs'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('3');
  // Retrain needs prices: a person waits for the forecast before pressing it.
  await expect(page.getByTestId('forecast-table')).toBeVisible({ timeout: 60_000 });
  await expectAnnounced(page, 'forecast-data-range');
  await tabTo(page, page.getByTestId('forecast-retrain'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('forecast-train-message')).toContainText('Done', { timeout: 60_000 });
  await expect(page.getByTestId('forecast-train-message')).toHaveAttribute('role', 'status');
});

test('shell: the backend badge explains itself from the keyboard', async ({ page }) => {
  await page.goto('#/about');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const badge = page.getByTestId('backend-badge');
  await tabTo(page, badge);
  await page.keyboard.press('Enter');
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('backend-why')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('backend-why')).toHaveCount(0);
  await expect(badge).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('backend-why')).toBeVisible();
});
