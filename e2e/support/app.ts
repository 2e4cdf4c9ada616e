/** Helpers the specs share: drawing with the mouse, waiting for models, switching server faults. */
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { DIGIT_STROKES, densify } from '../fixtures/digit-strokes.ts';
import type { Fault } from './static-server.ts';

export async function drawDigit(page: Page, digit: number): Promise<void> {
  const box = (await page.getByTestId('digit-canvas').boundingBox())!;
  // Leave a margin, as people do: strokes cover the middle 80% of the canvas.
  const at = ([u, v]: [number, number]) => [box.x + box.width * (0.1 + 0.8 * u), box.y + box.height * (0.1 + 0.8 * v)] as const;
  for (const stroke of DIGIT_STROKES[digit]) {
    const points = densify(stroke, 0.03);
    await page.mouse.move(...at(points[0]));
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(...at(p));
    await page.mouse.up();
  }
}

export async function expectModelReady(page: Page): Promise<void> {
  // Pages load on demand: until one has rendered, "no progress bar" means nothing yet.
  await expect(page.locator('main section.page')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('model-progress')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('model-error')).toHaveCount(0);
}

/** Switches the test server's faults: {'/models/digits/group1-shard1of1.bin': 'corrupt'}; {} clears. */
export async function setFaults(baseURL: string, faults: Record<string, Fault>): Promise<void> {
  const response = await fetch(new URL('/__faults', baseURL), { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(204);
}

/** Calls the inference worker directly, as the page does (window.__tabml is the app's test handle). */
export function workerMemory(page: Page): Promise<{ numTensors: number; backend: string }> {
  return page.evaluate(() => (window as any).__tabml.client.call('memory', {}));
}

/**
 * In the page: does an activated service worker control it, and does its cache hold every file of
 * `task`'s model package (listed by the cached meta.json) and every `extra` path? Runs inside the
 * page, so it uses nothing from outside. It is async: call it with page.evaluate, never as a
 * page.waitForFunction predicate (Playwright takes the returned promise itself as "true").
 */
export async function keptForOfflineInPage({ task, extra }: { task: string; extra: string[] }): Promise<boolean> {
  if (navigator.serviceWorker.controller?.state !== 'activated') return false;
  const cached = (path: string) => caches.match(new URL(path, location.href).href);
  // Precached files are kept under their URL plus a revision parameter (Workbox's __WB_REVISION__).
  const precached = (path: string) => caches.match(new URL(path, location.href).href, { ignoreSearch: true });
  const meta = await cached(`models/${task}/meta.json`);
  if (!meta) return false;
  const files: Array<{ name: string }> = (await meta.json()).files;
  const paths = files.map((f) => `models/${task}/${f.name}`);
  return (await Promise.all([...paths.map(cached), ...extra.map(precached)])).every(Boolean);
}

/** Waits until the page could go offline (see keptForOfflineInPage); for e2e tests and the bench. */
export async function waitUntilKeptForOffline(page: Page, task: string, extra: string[] = [], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(keptForOfflineInPage, { task, extra }))) {
    if (Date.now() > deadline) throw new Error(`The ${task} model was not kept for offline use within ${timeoutMs / 1000} s.`);
    await page.waitForTimeout(100);
  }
}

/**
 * For a page that has just recognized a digit: waits until the service worker controls it and
 * holds the model, then reloads with the network off and recognizes another digit.
 */
export async function expectDigitsOfflineAfterVisit(page: Page, context: BrowserContext): Promise<void> {
  await waitUntilKeptForOffline(page, 'digits');
  await context.setOffline(true);
  try {
    await page.reload();
    await expectModelReady(page);
    await drawDigit(page, 1);
    await expect(page.getByTestId('digit-prediction')).toHaveText('1');
  } finally {
    await context.setOffline(false);
  }
}
