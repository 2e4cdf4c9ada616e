/**
 * Bring your own model through the panel, with real converter output (../shared/byo-models, read at
 * test time; the weight shards are made here from each manifest, into a temporary folder): Keras 3
 * and Keras 2 transfer models load from picked files and classify; a tabular model is refused with
 * its shapes; a model remembered on the device loads again offline, and a damaged one is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readByoFixture, synthesizeShards } from '../src/testing/byo-fixtures.ts';
import { photoLikePng } from './fixtures/images.ts';
import { expectModelReady, waitUntilKeptForOffline } from './support/app.ts';
import { expectPredictions } from './support/images.ts';
import { expectNoInternalMessages } from './support/plain-messages.ts';
import { quotaControl } from './support/quota.ts';
import { expect, test } from './support/test.ts';

test.use({ serviceWorkers: 'block' });
test.setTimeout(180_000);

let folder: string;
test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'tabml-byo-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes a fixture's model.json, its synthesized shards and a labels file; returns the paths to pick. */
function modelFiles(fixture: string, labels: string[], fill: 'tags' | 'zeros' = 'zeros'): string[] {
  const dir = path.join(folder, `${fixture}-${fill}`);
  mkdirSync(dir, { recursive: true });
  const model = readByoFixture(fixture);
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
  writeFileSync(path.join(dir, 'labels.txt'), labels.join('\n'));
  const shards = synthesizeShards(model, fill).map((shard) => {
    writeFileSync(path.join(dir, shard.name), new Uint8Array(shard.data));
    return path.join(dir, shard.name);
  });
  return [path.join(dir, 'model.json'), ...shards, path.join(dir, 'labels.txt')];
}

const photo = (name: string, seed: number) => ({ name, mimeType: 'image/png', buffer: photoLikePng(320, 240, seed) });

async function openPanel(page: Page) {
  await page.goto('#/images');
  await page.locator('.byo-panel summary').click();
}

const FRUITS = ['apple', 'banana', 'grape', 'mango', 'orange'];

test('a Keras 3 MobileNetV2 transfer model (nested Functional, DepthwiseConv2D) loads from picked files and classifies', async ({
  page,
}) => {
  await openPanel(page);
  await page.getByTestId('byo-files').setInputFiles(modelFiles('k3-seq-mobilenetv2-transfer', FRUITS, 'tags'));
  await expect(page.getByTestId('byo-status')).toContainText('224×224 input, 5 classes');
  await expect(page.getByTestId('byo-error')).toHaveCount(0);
  await page.getByTestId('byo-mode').selectOption('tf');
  await page.getByTestId('image-input').setInputFiles(photo('fruit.png', 3));
  await expectPredictions(page, 1, FRUITS);
});

test('a Keras 2 VGG16 transfer model (19 shards, 78 MB) loads from picked files and classifies', async ({ page }) => {
  await openPanel(page);
  await page.getByTestId('byo-files').setInputFiles(modelFiles('k2-seq-vgg16-transfer', ['cat', 'coffee']));
  await expect(page.getByTestId('byo-status')).toContainText('100×100 input, 2 classes', { timeout: 120_000 });
  await page.getByTestId('image-input').setInputFiles(photo('mug.png', 4));
  await expectPredictions(page, 1, ['cat', 'coffee']);
});

test('a tabular model is refused with its input and output shapes, and the page still classifies', async ({ page }) => {
  await openPanel(page);
  await page.getByTestId('byo-files').setInputFiles(modelFiles('k215-seq-dense-tabular', ['low', 'mid', 'high']));
  await expect(page.getByTestId('byo-error')).toContainText('This model takes [5] and gives [3]; this page runs image classifiers');
  await expect(page.getByTestId('byo-status')).toHaveCount(0);
  await page.getByTestId('image-input').setInputFiles(photo('after.png', 5));
  await expectPredictions(page, 1, ['cat', 'coffee']);
});

/** The other converter fixtures, each through the panel: [h, w, classes] once loaded, or its refusal. */
const THROUGH_THE_PAGE: Array<[fixture: string, expected: [number, number, number] | RegExp]> = [
  ['neg-graph-model-mobilenetv2', [224, 224, 3]],
  ['k2-model-mobilenet-transfer-tfjs08', [224, 224, 3]],
  ['k3-functional-dense', /^This model takes \[1\] and gives \[1\]; this page runs image classifiers/],
  ['k2-seq-embedding-lstm', /^This model takes \[6\] and gives \[3\]; this page runs image classifiers/],
  [
    'k2-model-multiinput-caption-lstm',
    /^This model takes 2 inputs, \[7, 7, 512\] and \[30\] and gives \[3857\]; this page runs image classifiers/,
  ],
];

test(
  'every other converter fixture, picked in the panel: a graph model ' +
    'and a tfjs 0.8 model classify, the rest are refused with their shapes',
  async ({ page }) => {
    await openPanel(page);
    for (const [index, [fixture, expected]] of THROUGH_THE_PAGE.entries()) {
      await test.step(fixture, async () => {
        if (index > 0) {
          await page.reload();
          await page.locator('.byo-panel summary').click();
        }
        const labels = Array.isArray(expected) ? Array.from({ length: expected[2] }, (_, i) => `class ${i}`) : ['a', 'b', 'c'];
        await page.getByTestId('byo-files').setInputFiles(modelFiles(fixture, labels, 'tags'));
        if (Array.isArray(expected)) {
          const [h, w, classes] = expected;
          await expect(page.getByTestId('byo-status')).toContainText(`${h}×${w} input, ${classes} classes`, { timeout: 120_000 });
          await expect(page.getByTestId('byo-error')).toHaveCount(0);
          await page.getByTestId('image-input').setInputFiles(photo(`${fixture}.png`, 10 + index));
          await expectPredictions(page, 1, labels);
        } else {
          await expect(page.getByTestId('byo-error')).toContainText(expected, { timeout: 120_000 });
          await expect(page.getByTestId('byo-status')).toHaveCount(0);
        }
        await expectNoInternalMessages(page);
      });
    }
  },
);

const DIGITS = Array.from({ length: 10 }, (_, i) => `digit ${i}`);

test('a remembered model whose stored weights changed is refused, and can be deleted', async ({ page }) => {
  await openPanel(page);
  await page.getByTestId('byo-files').setInputFiles(modelFiles('k3-seq-cnn-handpatched', DIGITS));
  await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 10 classes');
  await page.getByTestId('byo-remember').click();
  await expect(page.getByTestId('byo-remembered').locator('li')).toHaveCount(1);
  // Damage the stored copy of the first weight file, as a disk error would.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tabml-remembered-models');
        open.onsuccess = () => {
          const tx = open.result.transaction('files', 'readwrite');
          const store = tx.objectStore('files');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result!;
            const bytes = new Uint8Array(c.value.blob.size);
            bytes[0] = 1;
            c.update({ ...c.value, blob: new Blob([bytes]) });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByTestId('byo-unload').click();
  await page.locator('.byo-panel summary').click(); // going back to cat or coffee folds the panel
  await page.getByTestId('byo-load-remembered').click();
  await expect(page.getByTestId('byo-error')).toContainText('no longer matches its checksum');
  await page.getByTestId('byo-delete').click();
  await expect(page.getByTestId('byo-remembered')).toHaveCount(0);
});

test(
  'remembering a model on a full storage says how much space it needs, ' +
    'keeps nothing, and the model still classifies; with room again it is kept',
  async ({ page, baseURL }) => {
    const setQuota = await quotaControl(page, new URL(baseURL!).origin);
    await setQuota(1); // the disk is full before the first visit
    await openPanel(page);
    await page.getByTestId('byo-files').setInputFiles(modelFiles('k3-seq-cnn-handpatched', DIGITS, 'tags'));
    await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 10 classes');
    await page.getByTestId('byo-remember').click();
    await expect(page.getByTestId('byo-error')).toContainText(
      /^Saving this model needs about 6\.5 MB, but .+\. Nothing was kept; the model still works in this tab\./,
    );
    await expect(page.getByTestId('byo-remembered')).toHaveCount(0);
    await expectNoInternalMessages(page);
    await page.getByTestId('byo-mode').selectOption('raw');
    await page.getByTestId('image-input').setInputFiles(photo('full-disk.png', 7));
    await expectPredictions(page, 1, DIGITS);

    await setQuota(null);
    await page.getByTestId('byo-remember').click();
    await expect(page.getByTestId('byo-remembered').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('byo-error')).toHaveCount(0);
  },
);

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('remember → reload offline → classify → delete', async ({ page, context }) => {
    await page.goto('#/images');
    await expectModelReady(page); // the offline cache is what this test is about
    await waitUntilKeptForOffline(page, 'images');
    await page.locator('.byo-panel summary').click();
    await page.getByTestId('byo-files').setInputFiles(modelFiles('k3-seq-cnn-handpatched', DIGITS, 'tags'));
    await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 10 classes');
    await page.getByTestId('byo-mode').selectOption('raw');
    await page.getByTestId('byo-remember').click();
    const listed = page.getByTestId('byo-remembered').locator('li');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(/6\.5 MB, 64×64, 10 classes, saved /);

    await context.setOffline(true);
    try {
      await page.reload();
      await page.locator('.byo-panel summary').click();
      await page.getByTestId('byo-load-remembered').click();
      await expect(page.getByTestId('byo-status')).toContainText('64×64 input, 10 classes');
      await expect(page.getByTestId('byo-mode')).toHaveValue('raw');
      await page.getByTestId('image-input').setInputFiles(photo('offline.png', 6));
      await expectPredictions(page, 1, DIGITS);
      await page.getByTestId('byo-delete').click();
      await expect(page.getByTestId('byo-remembered')).toHaveCount(0);
    } finally {
      await context.setOffline(false);
    }
  });
});
