/**
 * The browser's decoder against PIL's (what Keras's load_img uses), on the project's generated
 * fixtures: PNG must be exact on opaque pixels; JPEG decoders may differ (IDCT, chroma upsampling),
 * so the difference is measured and reported, with only a loose bound asserted.
 */
import type { Page } from '@playwright/test';
import { differenceFromPil, fixtureFile, JPEG_BOUNDS, pilDecodedFixtures } from './fixtures/images.ts';
import { expectModelReady } from './support/app.ts';
import { expect, test } from './support/test.ts';

test.use({ serviceWorkers: 'block' });

async function decodeInPage(page: Page, file: string, type: string) {
  const bytes = Array.from(fixtureFile(file));
  return page.evaluate(([b, t]) => (window as any).__tabmlImages.decode(b, t), [bytes, type] as const) as Promise<{
    width: number;
    height: number;
    data: number[];
  }>;
}

test.beforeEach(async ({ page }) => {
  await page.goto('#/images');
  await expectModelReady(page);
});

test('PNG decoding equals PIL on every opaque pixel; transparent pixels are reported', async ({ page }) => {
  const { png } = pilDecodedFixtures();
  for (const f of png) {
    const decoded = await decodeInPage(page, f.file, 'image/png');
    expect([decoded.width, decoded.height]).toEqual([f.width, f.height]);
    let mismatches = 0;
    let translucent = 0;
    let translucentDiff = 0;
    for (let p = 0; p < f.width * f.height; p++) {
      const alpha = decoded.data[p * 4 + 3];
      const diff = Math.max(...[0, 1, 2].map((c) => Math.abs(decoded.data[p * 4 + c] - f.pixels[p * f.channels + c])));
      if (alpha === 255) {
        if (diff !== 0) mismatches++;
      } else {
        translucent++;
        translucentDiff = Math.max(translucentDiff, diff);
      }
    }
    test.info().annotations.push({
      type: 'png',
      description: `${f.file}: ${mismatches} opaque mismatches; ${translucent} non-opaque pixels, max colour difference ${translucentDiff}`,
    });
    expect(mismatches, f.file).toBe(0);
  }
});

test('JPEG decoding is close to PIL (difference measured and reported)', async ({ page }) => {
  const { jpeg } = pilDecodedFixtures();
  for (const f of jpeg) {
    const decoded = await decodeInPage(page, f.file, 'image/jpeg');
    expect([decoded.width, decoded.height]).toEqual([f.width, f.height]);
    const { max, mean } = differenceFromPil(decoded, f);
    test.info().annotations.push({ type: 'jpeg', description: `${f.file}: max ${max}, mean ${mean.toFixed(3)} levels vs PIL` });
    console.log(`JPEG vs PIL ${f.file}: max ${max}, mean ${mean.toFixed(3)}`);
    expect(mean).toBeLessThan(JPEG_BOUNDS.mean);
    expect(max).toBeLessThan(JPEG_BOUNDS.max);
  }
});
