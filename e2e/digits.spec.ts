import { DIGIT_STROKES } from './fixtures/digit-strokes.ts';
import { digitPicture } from './fixtures/png.ts';
import { drawDigit, expectModelReady, workerMemory } from './support/app.ts';
import { expect, test } from './support/test.ts';

test.use({ serviceWorkers: 'block' }); // these tests are about the page, not the offline cache

test.beforeEach(async ({ page }) => {
  await page.goto('#/digits');
  await expectModelReady(page);
});

test('an empty canvas shows a hint and no prediction', async ({ page }) => {
  await expect(page.getByText('Draw a digit in the box')).toBeVisible();
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
  await expect(page.getByTestId('digit-json')).toHaveCount(0);
});

for (const digit of [0, 1, 2, 3, 4, 7]) {
  test(`recognizes a ${digit} drawn with the mouse`, async ({ page }) => {
    await drawDigit(page, digit);
    await expect(page.getByTestId('digit-prediction')).toHaveText(String(digit));
    const json = JSON.parse((await page.getByTestId('digit-json').textContent())!);
    expect(json.digit).toBe(digit);
    expect(json.probabilities).toHaveLength(10);
    expect(json.probabilities.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 3);
    expect(json.confidence).toBe(Math.max(...json.probabilities));
    await expect(page.getByTestId('digit-probabilities').locator('li')).toHaveCount(10);
    await expect(page.getByTestId('digit-probabilities').locator(`li[data-digit="${digit}"]`)).toHaveClass(/winner/);
  });
}

test('clear removes the drawing and the prediction', async ({ page }) => {
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  await page.getByTestId('digit-clear').click();
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
  await drawDigit(page, 1);
  await expect(page.getByTestId('digit-prediction')).toHaveText('1');
});

test('recognizes uploaded pictures, dark on light and light on dark, of any size', async ({ page }) => {
  const upload = page.getByTestId('digit-upload');
  await upload.setInputFiles({
    name: 'three.png',
    mimeType: 'image/png',
    buffer: digitPicture(DIGIT_STROKES[3], { width: 1200, height: 900, paper: [235, 232, 220], ink: [30, 30, 60] }),
  });
  await expect(page.getByTestId('digit-prediction')).toHaveText('3');
  await upload.setInputFiles({
    name: 'seven.png',
    mimeType: 'image/png',
    buffer: digitPicture(DIGIT_STROKES[7], { width: 64, height: 80, paper: [0, 0, 0], ink: [250, 250, 250], strokeWidth: 0.1 }),
  });
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
});

test('200 predictions leave the worker with as many tensors as before', async ({ page }) => {
  await drawDigit(page, 2);
  await expect(page.getByTestId('digit-prediction')).toHaveText('2');
  const before = await workerMemory(page);
  const digits = await page.evaluate(async () => {
    const canvas = document.querySelector('[data-testid="digit-canvas"]') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const seen: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const answer = await (window as any).__tabml.client.call('recognizeDigit', { image: { data, width, height } });
      seen.push(answer.result.digit);
    }
    return seen;
  });
  expect(new Set(digits)).toEqual(new Set([2]));
  expect((await workerMemory(page)).numTensors).toBe(before.numTensors);
});
