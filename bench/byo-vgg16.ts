/**
 * The full VGG16 (scripts/images/make-vgg16.ts, served by the bench from dist/bench-vgg16/) through
 * the bring-your-own path as a person uses it, on WASM: loaded from files (Blobs, read shard by
 * shard in the worker) and, after "Remember this model", from IndexedDB (read and checksummed).
 * Load time and median time per image for each. Kept apart from run.ts so both can change freely.
 */
import type { Browser } from '@playwright/test';
import { median } from './stats.ts';

export const BYO_VGG16_KEYS = [
  'images.byoVgg16.loadMs.files',
  'images.byoVgg16.perImageMs.files',
  'images.byoVgg16.rememberMs',
  'images.byoVgg16.loadMs.indexedDb',
  'images.byoVgg16.perImageMs.indexedDb',
] as const;

export async function benchByoVgg16(browser: Browser, base: string, record: (key: string, value: number) => void): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${base}?backend=wasm#/about`);
    await page.waitForFunction(
      () => (window as any).__tabml && document.querySelector('[data-testid="backend-badge"]')?.className.match(/backend-wasm/),
    );
    const times = await page.evaluate(async () => {
      const client = (window as any).__tabml.client;
      const modelUrl = new URL('bench-vgg16/model.json', location.href);
      const modelJson = await (await fetch(modelUrl)).text();
      const paths: string[] = JSON.parse(modelJson).weightsManifest.flatMap((g: { paths: string[] }) => g.paths);
      // As picked files: Blobs the worker reads itself.
      const weights = await Promise.all(paths.map(async (p) => ({ name: p, data: await (await fetch(new URL(p, modelUrl))).blob() })));
      const image = { data: new Uint8ClampedArray(224 * 224 * 4).fill(128), width: 224, height: 224, channels: 4 };
      const preprocessing = { interpolation: 'nearest', mode: 'caffe' };
      // No named functions in here: the bench's TypeScript loader would wrap them in a helper the page lacks.
      const result = { loadFiles: 0, imagesFiles: [] as number[], remember: 0, loadDb: 0, imagesDb: [] as number[] };
      let id = '';
      for (const from of ['files', 'indexedDb']) {
        const t0 = performance.now();
        if (from === 'files') await client.call('loadCustomImageModel', { modelJson, weights, name: 'vgg16' });
        else await client.call('loadRememberedImageModel', { id });
        const loadMs = performance.now() - t0;
        const ms: number[] = [];
        for (let i = 0; i < 2 + 5; i++) {
          const t1 = performance.now();
          await client.call('classifyWithCustomModel', { image, preprocessing });
          if (i >= 2) ms.push(performance.now() - t1);
        }
        if (from === 'files') {
          result.loadFiles = loadMs;
          result.imagesFiles = ms;
          const t2 = performance.now();
          id = (await client.call('rememberCustomImageModel', { preprocessing })).id;
          result.remember = performance.now() - t2;
        } else {
          result.loadDb = loadMs;
          result.imagesDb = ms;
        }
        await client.call('unloadCustomImageModel', {});
      }
      await client.call('deleteRememberedImageModel', { id });
      return result;
    });
    record('images.byoVgg16.loadMs.files', times.loadFiles);
    record('images.byoVgg16.perImageMs.files', median(times.imagesFiles));
    record('images.byoVgg16.rememberMs', times.remember);
    record('images.byoVgg16.loadMs.indexedDb', times.loadDb);
    record('images.byoVgg16.perImageMs.indexedDb', median(times.imagesDb));
  } finally {
    await context.close();
  }
}
