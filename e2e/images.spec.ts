import { photoLikePng } from './fixtures/images.ts';
import { expectModelReady, waitUntilKeptForOffline, workerMemory } from './support/app.ts';
import { cardProbabilities, dropFiles, expectPredictions, pasteFiles, shippedModelAsOwnFiles } from './support/images.ts';
import { expect, test } from './support/test.ts';

test.use({ serviceWorkers: 'block' }); // these tests are about the page, not the offline cache

const LABELS = ['cat', 'coffee'];
const png = (name: string, w: number, h: number, seed: number, palette: 'warm' | 'cool' = 'warm') => ({
  name,
  mimeType: 'image/png',
  buffer: photoLikePng(w, h, seed, palette),
});

test.beforeEach(async ({ page }) => {
  await page.goto('#/images');
  await expectModelReady(page);
});

test('a picked photo gets a label, probabilities summing to 1, and a latency', async ({ page }) => {
  await page.getByTestId('image-input').setInputFiles(png('mug.png', 640, 480, 1));
  await expectPredictions(page, 1, LABELS);
  const probabilities = await cardProbabilities(page, 0);
  expect(probabilities).toHaveLength(2);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  const top = (await page.getByTestId('image-prediction').textContent())!.trim();
  expect(await page.getByTestId('image-probabilities').locator('li.winner').getAttribute('data-label')).toBe(top);
  await expect(page.getByTestId('image-latency')).toHaveText(/^\d+(\.\d)? ms$/);
  await expect(page.locator('.image-preview img')).toHaveCount(1);
});

test('several dropped photos form a grid, one card each', async ({ page }) => {
  await dropFiles(page, 'image-drop', [png('a.png', 300, 200, 2), png('b.png', 64, 64, 3, 'cool'), png('c.png', 1000, 700, 4)]);
  await expectPredictions(page, 3, LABELS);
  const boxes = await Promise.all([0, 1, 2].map((i) => page.locator('.image-card').nth(i).boundingBox()));
  expect(boxes[1]!.y).toBe(boxes[0]!.y); // side by side, not a list
  expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x);
  await page.screenshot({ path: '/tmp/images.png', fullPage: true });
});

test('clearing cards that wait in the queue skips their work and frees every preview', async ({ page }) => {
  const previews = () => page.evaluate(() => (window as any).__tabmlImages.previews() as number);
  await dropFiles(
    page,
    'image-drop',
    [1, 2, 3, 4, 5, 6].map((i) => png(`big-${i}.png`, 1600, 1200, i)),
  );
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.locator('.image-card')).toHaveCount(0);
  await expect.poll(previews).toBe(0);
  await page.getByTestId('image-input').setInputFiles(png('after.png', 200, 150, 7));
  await expectPredictions(page, 1, LABELS);
  expect(await previews()).toBe(1);
});

test('a pasted picture is classified', async ({ page }) => {
  await pasteFiles(page, [png('clipboard.png', 200, 150, 5, 'cool')]);
  await expectPredictions(page, 1, LABELS);
});

test('classification is deterministic and leaves the worker with as many tensors as before', async ({ page }) => {
  const image = png('same.png', 320, 240, 6);
  await page.getByTestId('image-input').setInputFiles(image);
  await expectPredictions(page, 1, LABELS);
  const before = await workerMemory(page);
  for (let i = 0; i < 5; i++) await page.getByTestId('image-input').setInputFiles(image);
  await expectPredictions(page, 6, LABELS);
  expect((await workerMemory(page)).numTensors).toBe(before.numTensors);
  const all = await Promise.all([0, 5].map((i) => cardProbabilities(page, i)));
  expect(all[1]).toEqual(all[0]);
});

test('nothing leaves the device: only the app origin is ever requested', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.reload();
  await expectModelReady(page);
  await page.getByTestId('image-input').setInputFiles([png('x.png', 400, 300, 7), png('y.png', 90, 120, 8)]);
  await expectPredictions(page, 2, LABELS);
  expect([...origins].filter((o) => !o.startsWith('blob:') && o !== 'null')).toEqual([new URL(baseURL!).origin]);
});

test('bring your own model: files with labels, chosen preprocessing, then back to the shipped model', async ({ page }) => {
  // The shipped package is a real layers model; loaded through the BYO path with other names.
  await page.locator('.byo-panel summary').click();
  await page.getByTestId('byo-mode').selectOption('caffe');
  await page.getByTestId('byo-interpolation').selectOption('bilinear');
  await page.getByTestId('byo-files').setInputFiles(shippedModelAsOwnFiles(['kitty', 'espresso']));
  await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 2 classes');
  await page.getByTestId('image-input').setInputFiles(png('mine.png', 500, 400, 9));
  await expectPredictions(page, 1, ['kitty', 'espresso']);

  await page.getByTestId('byo-unload').click();
  await page.getByTestId('image-input').setInputFiles(png('theirs.png', 500, 400, 9));
  await expect(page.getByTestId('image-prediction')).toHaveCount(2);
  expect(LABELS).toContain((await page.getByTestId('image-prediction').nth(1).textContent())!.trim());
});

test('bring your own model: a missing shard and a foreign URL are explained, and nothing is fetched', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.locator('.byo-panel summary').click();
  await page.getByTestId('byo-files').setInputFiles(['public/models/images/model.json']);
  await expect(page.getByTestId('byo-error')).toContainText('Missing weight file');
  await page.getByTestId('byo-url').fill('https://example.com/vgg16/model.json');
  await page.getByTestId('byo-load-url').click();
  await expect(page.getByTestId('byo-error')).toContainText('Download model.json and its .bin files');
  expect(requested.filter((u) => u.includes('example.com'))).toEqual([]);
  // The page still works.
  await page.getByTestId('image-input').setInputFiles(png('after.png', 100, 100, 10));
  await expectPredictions(page, 1, LABELS);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the page classifies with the network off', async ({ page, context }) => {
    await page.getByTestId('image-input').setInputFiles(png('online.png', 200, 200, 12));
    await expectPredictions(page, 1, LABELS);
    await waitUntilKeptForOffline(page, 'images');
    await context.setOffline(true);
    try {
      await page.reload();
      await expectModelReady(page);
      await page.getByTestId('image-input').setInputFiles(png('offline.png', 200, 200, 13));
      await expectPredictions(page, 1, LABELS);
    } finally {
      await context.setOffline(false);
    }
  });
});

test('the benchmark path: a bring-your-own model loaded by the worker from a same-origin URL', async ({ page }) => {
  const info = await page.evaluate(() =>
    (window as any).__tabml.client.call('loadCustomImageModelFromUrl', {
      url: new URL('models/images/model.json', location.href).href,
      labels: ['a', 'b'],
    }),
  );
  expect(info).toMatchObject({ inputSize: [64, 64], labels: ['a', 'b'] });
  const answer = await page.evaluate(() => {
    const data = new Uint8ClampedArray(64 * 64 * 4).fill(128);
    return (window as any).__tabml.client.call('classifyWithCustomModel', {
      image: { data, width: 64, height: 64, channels: 4 },
      preprocessing: { interpolation: 'nearest', mode: 'caffe' },
    });
  });
  expect(['a', 'b']).toContain(answer.label);
  expect(await page.evaluate(() => (window as any).__tabml.client.call('unloadCustomImageModel', {}))).toBe(true);
});
