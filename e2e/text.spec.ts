import type { Page } from '@playwright/test';
import { expectModelReady, waitUntilKeptForOffline, workerMemory } from './support/app.ts';
import { expect, test } from './support/test.ts';

const PROMPT = 'A neural network is trained to recognize patterns in the input data and';

async function openText(page: Page, query = '') {
  await page.goto(`#/text${query}`);
  await expectModelReady(page);
}

async function fill(page: Page, values: { prompt?: string; diversity?: string; words?: string; rng?: string }) {
  if (values.prompt !== undefined) await page.getByTestId('text-seed').fill(values.prompt);
  if (values.diversity !== undefined) await page.getByTestId('text-diversity').fill(values.diversity);
  if (values.words !== undefined) await page.getByTestId('text-words').fill(values.words);
  if (values.rng !== undefined) await page.getByTestId('text-rng-seed').fill(values.rng);
}

/** Generates and waits for the end; returns the output text. */
async function generateAll(page: Page, words: number): Promise<string> {
  await page.getByTestId('text-generate').click();
  await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', String(words));
  await expect(page.getByTestId('text-generate')).toBeEnabled();
  return (await page.getByTestId('text-output').textContent())!;
}

test.describe('text page', () => {
  test.use({ serviceWorkers: 'block' }); // these tests are about the page, not the offline cache

  test('continues a typed prompt, streaming the asked number of words', async ({ page }) => {
    await openText(page);
    await expect(page.getByTestId('text-diversity')).toHaveValue('0.8');
    await expect(page.getByTestId('text-words')).toHaveValue('50');
    await fill(page, { prompt: PROMPT, words: '30' });
    // Record every word count the page renders: values between 0 and 30 mean the words streamed.
    await page.evaluate(() => {
      const output = document.querySelector('[data-testid="text-output"]')!;
      const seen: string[] = [];
      (window as any).__wordCounts = seen;
      new MutationObserver(() => seen.push(output.getAttribute('data-words')!)).observe(output, {
        attributes: true,
        attributeFilter: ['data-words'],
      });
    });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '30');
    const counts: number[] = (await page.evaluate(() => (window as any).__wordCounts)).map(Number);
    // Generation is fast (~1 ms a word) and React may render several words at once on a busy
    // machine: a few partial renders are enough to show the words did not arrive all together.
    expect(new Set(counts.filter((n) => n > 0 && n < 30)).size).toBeGreaterThanOrEqual(2);
    const output = (await page.getByTestId('text-output').textContent())!;
    expect(output.trim().length).toBeGreaterThan(0);
    expect(output).not.toContain('<unk>');
    await expect(page.getByTestId('text-seed-echo')).toHaveText(PROMPT);
    await expect(page.getByTestId('text-error')).toHaveCount(0);
    // The link now holds what reproduces this text.
    expect(page.url()).toMatch(/#\/text\?prompt=.*&rng=\d+/);
  });

  test('the same rng seed writes the same words; another writes others; the link reproduces them', async ({ page }) => {
    await openText(page);
    await fill(page, { prompt: PROMPT, words: '25', diversity: '1.2', rng: '12345' });
    const first = await generateAll(page, 25);
    const again = await generateAll(page, 25);
    expect(again).toBe(first);
    await fill(page, { rng: '54321' });
    expect(await generateAll(page, 25)).not.toBe(first);

    // Both methods read the same context, so they write the same words.
    await fill(page, { rng: '12345' });
    await page.getByTestId('text-method').selectOption('fullReread');
    expect(await generateAll(page, 25)).toBe(first);

    const link = `#/text?${new URLSearchParams({ prompt: PROMPT, diversity: '1.2', words: '25', rng: '12345' })}`;
    await page.goto('about:blank');
    await openText(page, link.slice('#/text'.length));
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '25');
    await expect(page.getByTestId('text-output')).toHaveText(first);

    // A link from before the renaming (seed= for the prompt, the full re-read as seedMethod) writes the same words.
    const oldLink = `#/text?${new URLSearchParams({ seed: PROMPT, diversity: '1.2', words: '25', rng: '12345', method: 'seedMethod' })}`;
    await page.goto('about:blank');
    await openText(page, oldLink.slice('#/text'.length));
    await expect(page.getByTestId('text-seed')).toHaveValue(PROMPT);
    await expect(page.getByTestId('text-method')).toHaveValue('fullReread');
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '25');
    await expect(page.getByTestId('text-output')).toHaveText(first);
  });

  test('stop keeps the words written so far, and the page keeps working', async ({ page }) => {
    await openText(page);
    // The original method is the slow one: plenty of time to stop it midway.
    await page.getByTestId('text-method').selectOption('fullReread');
    await fill(page, { prompt: PROMPT, words: '100', rng: '7' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-output')).not.toHaveAttribute('data-words', '0');
    await page.getByTestId('text-stop').click();
    await expect(page.getByTestId('text-status')).toContainText('Stopped after');
    const kept = Number(await page.getByTestId('text-output').getAttribute('data-words'));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(100);
    await page.waitForTimeout(500); // nothing more arrives after a stop
    expect(Number(await page.getByTestId('text-output').getAttribute('data-words'))).toBe(kept);
    await expect(page.getByTestId('text-status')).toHaveText(`Stopped after ${kept} words.`);
    await fill(page, { words: '10' });
    await generateAll(page, 10);
  });

  test("invalid values show the original app's messages and nothing runs", async ({ page }) => {
    await openText(page);
    await fill(page, { prompt: PROMPT, diversity: '0.4' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-error')).toHaveText('Diversity must be between 0.5 and 5.');
    await fill(page, { diversity: '5.5' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-error')).toHaveText('Diversity must be between 0.5 and 5.');
    await fill(page, { diversity: '1', words: '9' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-error')).toHaveText('Number of words must be between 10 and 100');
    await fill(page, { words: '101' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-error')).toHaveText('Number of words must be between 10 and 100');
    await fill(page, { prompt: '   ', words: '10' });
    await page.getByTestId('text-generate').click();
    await expect(page.getByTestId('text-error')).toContainText('press Random');
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '0');
    await fill(page, { prompt: PROMPT });
    await generateAll(page, 10);
    await expect(page.getByTestId('text-error')).toHaveCount(0);
  });

  test('random starts from a held-out abstract and shows what it really said', async ({ page }) => {
    // The committed samples ship with every build: nothing here may depend on DATA_DIR.
    await openText(page);
    await fill(page, { words: '20' });
    await page.getByTestId('text-random').click();
    await expect(page.getByTestId('text-output')).toHaveAttribute('data-words', '20');
    const echo = (await page.getByTestId('text-seed-echo').textContent())!;
    expect(echo.split(' ').length).toBeGreaterThan(30);
    await expect(page.getByTestId('text-seed')).toHaveValue(echo);
    expect((await page.getByTestId('text-actual').textContent())!.trim().length).toBeGreaterThan(0);
    await expect(page.getByText('never seen in training')).toBeVisible();
  });

  test('an HTML prompt is shown as text and runs nothing', async ({ page }) => {
    await openText(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.evaluate(() => ((window as any).__xss = 0));
    const attack = '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script> the neural network';
    await fill(page, { prompt: attack, words: '10' });
    await generateAll(page, 10);
    expect(await page.locator('.text-result img, .text-result script').count()).toBe(0);
    await expect(page.getByTestId('text-unknown')).toContainText('<img');
    expect(await page.evaluate(() => (window as any).__xss)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('several generations leave the worker with as many tensors as before', async ({ page }) => {
    await openText(page);
    await fill(page, { prompt: PROMPT, words: '10' });
    await generateAll(page, 10);
    const before = await workerMemory(page);
    const written = await page.evaluate(async (prompt) => {
      const client = (window as any).__tabml.client;
      const counts: number[] = [];
      for (const method of ['stateful', 'fullReread', 'stateful']) {
        const result = await client.call('generateText', { prompt, diversity: 1, words: 60, method });
        counts.push(result.words.length);
      }
      // And one stopped midway.
      const stop = new AbortController();
      const stopped = client.call(
        'generateText',
        { prompt, diversity: 1, words: 100 },
        { signal: stop.signal, onUpdate: () => stop.abort() },
      );
      await stopped.catch(() => undefined);
      return counts;
    }, PROMPT);
    expect(written).toEqual([60, 60, 60]);
    expect((await workerMemory(page)).numTensors).toBe(before.numTensors);
  });
});

test('works offline after one visit: model, vocabulary and samples from the cache', async ({ page, context }) => {
  await openText(page);
  await fill(page, { prompt: PROMPT, words: '10' });
  await generateAll(page, 10);
  // The samples are precached with the app shell: Random works offline without having been used.
  await waitUntilKeptForOffline(page, 'text', ['samples/text/abstracts.json']);
  await context.setOffline(true);
  try {
    await page.reload();
    await expectModelReady(page);
    await fill(page, { prompt: PROMPT, words: '12' });
    await generateAll(page, 12);
    await page.getByTestId('text-random').click();
    await expect(page.getByTestId('text-actual')).not.toBeEmpty();
  } finally {
    await context.setOffline(false);
  }
});
