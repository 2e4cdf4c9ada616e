/**
 * Bring your own model at full size: the whole Keras VGG16 topology (224×224×3, 138 M parameters,
 * random weights, float16 shards: 277 MB) built by scripts/images/make-vgg16.ts, loaded through the
 * page's file picker, classified, and checked for shapes, top-5 rendering and tensor leaks.
 * Heavy: about a minute of two cores here (see the report in the annotations).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { photoLikePng } from './fixtures/images.ts';
import { expectModelReady, workerMemory } from './support/app.ts';
import { cardProbabilities } from './support/images.ts';
import { expect, test } from './support/test.ts';

const VGG16_DIR = path.resolve('training/checkpoints/vgg16');

test.use({ serviceWorkers: 'block' });
test.setTimeout(600_000);

test.beforeAll(() => {
  if (!existsSync(path.join(VGG16_DIR, 'model.json'))) {
    execFileSync('npx', ['tsx', 'scripts/images/make-vgg16.ts', VGG16_DIR], { stdio: 'inherit', timeout: 480_000 });
  }
  writeFileSync(path.join(VGG16_DIR, 'labels.txt'), Array.from({ length: 1000 }, (_, i) => `imagenet-${i}`).join('\n'));
});

test('a full VGG16 (224×224, 1000 classes) loads from files, classifies with top-5 bars, and leaks no tensors', async ({ page }) => {
  await page.goto('#/images');
  await expectModelReady(page);
  const manifest = JSON.parse(readFileSync(path.join(VGG16_DIR, 'model.json'), 'utf8')).weightsManifest as Array<{ paths: string[] }>;
  await page.locator('.byo-panel summary').click();
  const started = Date.now();
  await page
    .getByTestId('byo-files')
    .setInputFiles([
      path.join(VGG16_DIR, 'model.json'),
      ...manifest.flatMap((g) => g.paths).map((p) => path.join(VGG16_DIR, p)),
      path.join(VGG16_DIR, 'labels.txt'),
    ]);
  await expect(page.getByTestId('byo-status')).toContainText('224×224 input, 1000 classes, 138.4 M parameters', { timeout: 300_000 });
  const loadSeconds = (Date.now() - started) / 1000;
  await expect(page.getByTestId('byo-error')).toHaveCount(0);

  const before = await workerMemory(page);
  const photo = { name: 'photo.png', mimeType: 'image/png', buffer: photoLikePng(640, 480, 21) };
  for (let i = 0; i < 3; i++) await page.getByTestId('image-input').setInputFiles(photo);
  await expect(page.getByTestId('image-prediction')).toHaveCount(3, { timeout: 300_000 });
  expect((await workerMemory(page)).numTensors).toBe(before.numTensors);

  const bars = page.getByTestId('image-probabilities').first();
  await expect(bars.locator('li[data-probability]')).toHaveCount(5);
  await expect(bars).toContainText('top 5 of 1000 classes');
  const top5 = await cardProbabilities(page, 0);
  expect(top5).toEqual([...top5].sort((a, b) => b - a));
  expect(top5[0]).toBeLessThanOrEqual(1);
  expect((await page.getByTestId('image-prediction').first().textContent())!.trim()).toMatch(/^imagenet-\d+$/);
  const latencies = await page.getByTestId('image-latency').allTextContents();
  test.info().annotations.push({
    type: 'vgg16',
    description: `load ${loadSeconds.toFixed(1)} s; per image ${latencies.join(', ')} (incl. preprocessing)`,
  });
  console.log(`VGG16 via BYO: load ${loadSeconds.toFixed(1)} s; per image ${latencies.join(', ')}`);
});
