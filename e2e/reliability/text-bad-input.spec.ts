/** Reliability: every bad input the Text page can get, one catalogue; the page keeps working after each. */
import type { Page } from '@playwright/test';
import { expectModelReady } from '../support/app.ts';
import { expectNoInternalMessagesSeen, recordErrorTexts } from '../support/plain-messages.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

// Every message any of these inputs brings up, even for a moment, must be plain words.
test.beforeEach(async ({ page }) => recordErrorTexts(page));
test.afterEach(async ({ page }) => expectNoInternalMessagesSeen(page));

const PROMPT = 'A neural network is trained to recognize patterns in the input data and';

async function attempt(page: Page, values: { prompt?: string; diversity?: string; words?: string; rng?: string }) {
  for (const [id, value] of [
    ['text-seed', values.prompt],
    ['text-diversity', values.diversity],
    ['text-words', values.words],
    ['text-rng-seed', values.rng],
  ] as const) {
    if (value !== undefined) await page.getByTestId(id).fill(value);
  }
  await page.getByTestId('text-generate').click();
}

async function expectWritten(page: Page, words: number) {
  await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', String(words));
  await expect(page.getByTestId('text-generate')).toBeEnabled();
  await expect(page.getByTestId('text-error')).toHaveCount(0);
}

test('text: bad prompts, diversities, word counts and rng seeds each get a clear message; the page keeps working', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('#/text');
  await expectModelReady(page);
  const error = page.getByTestId('text-error');
  const valid = { prompt: PROMPT, diversity: '0.8', words: '10', rng: '' };

  // Nothing to start from: empty, blank, and text that the tokenizer filters away entirely.
  for (const prompt of ['', '   \n\t ', '!!! %% ;;; [] {} ~~~ ^_^ |']) {
    await attempt(page, { ...valid, prompt });
    await expect(error).toContainText('press Random');
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '0');
  }

  // Diversity outside [0.5, 5], or missing.
  for (const diversity of ['', '0', '-1', '0.49', '5.01', '1e9']) {
    await attempt(page, { ...valid, diversity });
    await expect(error).toHaveText('Diversity must be between 0.5 and 5.');
  }

  // Word counts outside 10..100, fractional, or missing.
  for (const words of ['', '0', '9', '10.5', '101', '100000']) {
    await attempt(page, { ...valid, words });
    await expect(error).toHaveText('Number of words must be between 10 and 100');
  }

  // RNG seeds that are not a whole number in 0..2^32-1.
  for (const rng of ['-5', 'abc', '1.5', '99999999999']) {
    await attempt(page, { ...valid, rng });
    await expect(error).toContainText('RNG seed must be a whole number');
  }

  // A pasted book: refused with a size, not a frozen tab.
  await attempt(page, { ...valid, prompt: 'neural '.repeat(4000) });
  await expect(error).toContainText('too long');

  // Words the network never saw (emoji, other scripts, gibberish): it still writes, and says which.
  await attempt(page, { ...valid, prompt: '😀 ñandú 神经网络 zzqxv-blorf the network' });
  await expectWritten(page, 10);
  await expect(page.getByTestId('text-unknown')).toContainText('😀');
  await expect(page.getByTestId('text-unknown')).toContainText('zzqxv-blorf');

  // A prompt that is only unknown words still gives readable words (never an "unknown" token).
  await attempt(page, { ...valid, prompt: 'qqqqq wwwww' });
  await expectWritten(page, 10);
  expect(await page.getByTestId('text-output').textContent()).not.toContain('<unk>');

  // Stop with nothing running is not offered; Generate is not offered twice at once.
  await expect(page.getByTestId('text-stop')).toBeDisabled();
  await page.getByTestId('text-words').fill('100');
  await page.getByTestId('text-method').selectOption('fullReread');
  await page.getByTestId('text-generate').click();
  await expect(page.getByTestId('text-generate')).toBeDisabled();
  await page.getByTestId('text-stop').click();
  await expect(page.getByTestId('text-status')).toContainText('Stopped after');

  // After all that, a normal request works.
  await attempt(page, valid);
  await expectWritten(page, 10);
});
