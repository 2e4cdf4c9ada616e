/** Reliability: the GPU goes away in the middle of an inference. */
import { expect, test } from '@playwright/test';
import { drawDigit, expectModelReady, workerMemory } from '../support/app';

test.use({ serviceWorkers: 'block' });

test('a WebGL context lost mid-inference: the result still arrives, on wasm', async ({ page }) => {
  await page.goto('?backend=webgl#/digits');
  await expect(page.getByTestId('backend-badge')).toContainText('webgl');
  await expectModelReady(page);
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  // Start a recognition and lose the context while it is in flight.
  const digit = await page.evaluate(async () => {
    const tabml = (window as any).__tabml;
    const canvas = document.querySelector('[data-testid="digit-canvas"]') as HTMLCanvasElement;
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const pending = tabml.client.call('recognizeDigit', { image: { data, width, height } });
    await tabml.client.call('loseWebGLContext', {});
    return (await pending).result.digit;
  });
  expect(digit).toBe(7);
  await expect(page.getByTestId('backend-badge')).toContainText('wasm');
  expect((await workerMemory(page)).backend).toBe('wasm');
  await page.getByTestId('digit-clear').click();
  await drawDigit(page, 1);
  await expect(page.getByTestId('digit-prediction')).toHaveText('1');
});
