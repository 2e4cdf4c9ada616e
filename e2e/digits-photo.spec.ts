/**
 * Photos of digits on paper, as a phone takes them: generated here (e2e/fixtures/digit-photos.ts),
 * encoded as JPEG by the browser, then uploaded the way a person does, through "Recognize a
 * picture…" or "Take a photo".
 */
import type { Page } from '@playwright/test';
import { type PhotoStyle, random, renderPhoto, strokeDigit } from './fixtures/digit-photos.ts';
import { expect, test } from './support/test.ts';

test.use({ serviceWorkers: 'block' });

const base: PhotoStyle = {
  width: 1280,
  height: 960,
  rotation: 0,
  digitSize: 0.6,
  offset: [0.02, -0.01],
  ink: [25, 25, 30],
  paper: [245, 243, 236],
  gradient: null,
  vignette: 0,
  shadow: null,
  table: null,
  lines: null,
  noise: 3,
  quality: 0,
};

/** Three photos the old normalization read wrong: each is one of the problems a phone photo has. */
const PHOTOS: Array<{ name: string; digit: number; style: PhotoStyle }> = [
  {
    name: 'vignette',
    digit: 7,
    style: { ...base, rotation: -6, vignette: 0.55, table: { side: 'bottom', fraction: 0.06, colour: [120, 80, 50] } },
  },
  {
    name: 'shadow',
    digit: 3,
    style: { ...base, rotation: 4, gradient: { angle: 20, strength: 0.35 }, shadow: { angle: 200, at: 0.05, depth: 0.45, softness: 0.05 } },
  },
  {
    name: 'ruled',
    digit: 4,
    style: {
      ...base,
      width: 960,
      height: 1280,
      rotation: 8,
      ink: [30, 50, 150],
      vignette: 0.3,
      lines: { kind: 'ruled', spacing: 0.06, colour: [150, 185, 230] },
    },
  },
];

/** The photo as a JPEG file (quality 0.75), encoded by the browser as a phone's camera app would. */
async function jpeg(page: Page, digit: number, style: PhotoStyle): Promise<Buffer> {
  const photo = renderPhoto(strokeDigit(digit, random(digit)), style, 7);
  const base64 = await page.evaluate(
    async ({ pixels, width, height }) => {
      const bytes = Uint8ClampedArray.from(atob(pixels), (c) => c.charCodeAt(0));
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.putImageData(new ImageData(bytes, width, height), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
      const out = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { pixels: Buffer.from(photo.rgba).toString('base64'), width: photo.width, height: photo.height },
  );
  return Buffer.from(base64, 'base64');
}

test.beforeEach(async ({ page }) => {
  await page.goto('#/digits');
});

for (const [i, { name, digit, style }] of PHOTOS.entries()) {
  const control = i % 2 ? 'digit-camera' : 'digit-upload';
  test(`reads a ${digit} in a photo with ${name}, through ${control}, and boxes the ink`, async ({ page }) => {
    await page.getByTestId(control).setInputFiles({ name: `${name}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(page, digit, style) });
    await expect(page.getByTestId('digit-prediction')).toHaveText(String(digit));
    // The box sits around the middle of the canvas, where the digit is, and is far smaller than the picture.
    const canvas = (await page.getByTestId('digit-canvas').boundingBox())!;
    const box = (await page.getByTestId('digit-ink-box').boundingBox())!;
    const centre = { x: box.x + box.width / 2 - canvas.x, y: box.y + box.height / 2 - canvas.y };
    expect(Math.abs(centre.x / canvas.width - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(centre.y / canvas.height - 0.5)).toBeLessThan(0.1);
    expect(box.height).toBeLessThan(canvas.height * 0.6);
    expect(box.height).toBeGreaterThan(canvas.height * 0.2);
  });
}

test('a photo of blank paper says no single digit was found instead of guessing', async ({ page }) => {
  const blank = { ...PHOTOS[2].style, ink: [243, 241, 234] as [number, number, number] }; // ink the colour of the paper
  await page.getByTestId('digit-upload').setInputFiles({ name: 'blank.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page, 1, blank) });
  await expect(page.getByTestId('digit-no-digit')).toHaveText(/No single digit found/);
  await expect(page.getByTestId('digit-prediction')).toHaveCount(0);
  await expect(page.getByTestId('digit-ink-box')).toHaveCount(0);
  // Drawing afterwards works as ever, and the hint goes.
  const c = (await page.getByTestId('digit-canvas').boundingBox())!;
  await page.mouse.move(c.x + c.width * 0.5, c.y + c.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(c.x + c.width * 0.5, c.y + c.height * (0.15 + 0.07 * k));
  await page.mouse.up();
  await expect(page.getByTestId('digit-prediction')).toHaveText('1');
  await expect(page.getByTestId('digit-no-digit')).toHaveCount(0);
});

test('"Take a photo" opens the back camera, and shows only on touch screens', async ({ page, browser, baseURL }) => {
  const camera = page.getByTestId('digit-camera');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await expect(page.getByText('Take a photo')).toBeHidden(); // a mouse: "Recognize a picture…" is enough
  const phone = await browser.newContext({
    hasTouch: true,
    isMobile: true,
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
    baseURL,
  });
  try {
    const onPhone = await phone.newPage();
    await onPhone.goto('#/digits');
    await expect(onPhone.getByText('Take a photo')).toBeVisible();
  } finally {
    await phone.close();
  }
});
