/** Helpers for the Images page specs: dropping and pasting files as a person would. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function dataTransfer(page: Page, files: FileSpec[]) {
  return page.evaluateHandle(
    (fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      return dt;
    },
    files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') })),
  );
}

export async function dropFiles(page: Page, testId: string, files: FileSpec[]): Promise<void> {
  const dt = await dataTransfer(page, files);
  await page.getByTestId(testId).dispatchEvent('dragover', { dataTransfer: dt });
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: dt });
}

export async function pasteFiles(page: Page, files: FileSpec[]): Promise<void> {
  const dt = await dataTransfer(page, files);
  await page.evaluate((d) => document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true })), dt);
}

/** Probabilities shown on the n-th card, as numbers. */
export async function cardProbabilities(page: Page, n: number): Promise<number[]> {
  const bars = page.getByTestId('image-probabilities').nth(n).locator('li[data-probability]');
  return await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));
}

export async function expectPredictions(page: Page, count: number, labels: string[]): Promise<void> {
  await expect(page.getByTestId('image-prediction')).toHaveCount(count, { timeout: 60_000 });
  for (let i = 0; i < count; i++) {
    expect(labels).toContain(((await page.getByTestId('image-prediction').nth(i).textContent()) ?? '').trim());
  }
}

const SHIPPED_IMAGES_MODEL = 'public/models/images';

/**
 * The shipped cat-or-coffee package as a visitor's own model files (a real layers model: model.json
 * and its shards), with `labels` as a labels.txt beside them when given.
 */
export function shippedModelAsOwnFiles(labels?: string[]): FileSpec[] {
  const manifest = JSON.parse(readFileSync(`${SHIPPED_IMAGES_MODEL}/model.json`, 'utf8'));
  const names: string[] = ['model.json', ...manifest.weightsManifest[0].paths];
  const files = names.map((name) => ({
    name,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(`${SHIPPED_IMAGES_MODEL}/${name}`),
  }));
  return labels ? [...files, { name: 'labels.txt', mimeType: 'text/plain', buffer: Buffer.from(`${labels.join('\n')}\n`) }] : files;
}
