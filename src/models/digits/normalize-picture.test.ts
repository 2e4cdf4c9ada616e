import { describe, expect, it } from 'vitest';
import { cleanStyle, random, randomStyle, renderPhoto, strokeDigit, strokePhotoCases } from '../../../e2e/fixtures/digit-photos.ts';
import { centreOfMass, inkBoundingBox, normalizeDigit, type RgbaImage } from './normalize.ts';
import { normalizePicture } from './normalize-picture.ts';

/** A w×h picture of one grey level with a filled rectangle of another. */
function picture(w: number, h: number, paper: number, ink: number, rect: { x: number; y: number; w: number; h: number }): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h ? ink : paper;
      data.set([v, v, v], (y * w + x) * 4);
    }
  }
  return { data, width: w, height: h };
}

const asImage = (p: { rgba: Uint8ClampedArray; width: number; height: number }): RgbaImage => ({
  data: p.rgba,
  width: p.width,
  height: p.height,
});

describe('normalizePicture', () => {
  it('takes exactly the drawing steps for a clean picture, light or dark', () => {
    for (const image of [
      picture(300, 200, 255, 0, { x: 100, y: 20, w: 40, h: 160 }),
      picture(90, 80, 20, 240, { x: 30, y: 15, w: 20, h: 50 }),
      picture(8, 8, 255, 0, { x: 3, y: 1, w: 2, h: 6 }),
    ]) {
      const result = normalizePicture(image)!;
      expect(result.photo).toBe(false);
      expect(Array.from(result.input)).toEqual(Array.from(normalizeDigit(image)!));
    }
  });

  it('gives the ink box as fractions of the picture', () => {
    const { box } = normalizePicture(picture(300, 200, 255, 0, { x: 100, y: 20, w: 40, h: 160 }))!;
    expect(box).toEqual({ x: 100 / 300, y: 20 / 200, width: 40 / 300, height: 160 / 200 });
  });

  it('finds no digit on blank paper with a shadow and ruled lines', () => {
    const rng = random(5);
    const style = randomStyle(rng, 400, { lines: { kind: 'ruled', spacing: 0.06, colour: [150, 185, 230] }, vignette: 0.5 });
    const blank = { label: 0, coverage: new Float32Array(96 * 96) };
    expect(normalizePicture(asImage(renderPhoto(blank, style, 3)))).toBeNull();
  });

  it('reads chalk on a dark sheet as it reads pen on paper', () => {
    const rng = random(9);
    const shape = strokeDigit(2, rng);
    const style = randomStyle(rng, 320, { lines: null, table: null, shadow: null, vignette: 0.5 });
    const pen = normalizePicture(asImage(renderPhoto(shape, style, 4)))!;
    const chalk = normalizePicture(asImage(renderPhoto(shape, { ...style, paper: [90, 105, 95], ink: [235, 235, 225] }, 4)))!;
    expect(chalk.photo).toBe(true); // the vignette shows on the dark sheet too
    expect(Math.abs(chalk.box.x - pen.box.x) + Math.abs(chalk.box.height - pen.box.height)).toBeLessThan(0.03);
  });

  it('reduces a large photo before searching it, and finds the same digit', () => {
    const rng = random(8);
    const photo = renderPhoto(strokeDigit(4, rng), randomStyle(rng, 400, { vignette: 0.5, shadow: null }), 2);
    const big = { data: new Uint8ClampedArray(photo.width * 4 * photo.height * 4 * 4), width: photo.width * 4, height: photo.height * 4 };
    for (let y = 0; y < big.height; y++) {
      for (let x = 0; x < big.width; x++)
        big.data.set(
          photo.rgba.subarray(((y >> 2) * photo.width + (x >> 2)) * 4, ((y >> 2) * photo.width + (x >> 2)) * 4 + 4),
          (y * big.width + x) * 4,
        );
    }
    const small = normalizePicture(asImage(photo))!;
    const large = normalizePicture(big)!;
    expect(large.photo).toBe(true);
    expect(Math.abs(large.box.x - small.box.x)).toBeLessThan(0.01);
    expect(Math.abs(large.box.height - small.box.height)).toBeLessThan(0.02);
  });

  // Small photos (256 px) keep this quick; the page reads at most 560 px, and npm run eval reads 560.
  it('finds the digit in ≥ 98% of 200 generated phone photos, where and as large as on clean paper', () => {
    const cases = strokePhotoCases(200, 21, 256);
    let found = 0,
      matched = 0;
    for (const c of cases) {
      const photo = normalizePicture(asImage(renderPhoto(c.shape, c.style, c.seed)));
      if (!photo) continue;
      found++;
      const clean = normalizeDigit(asImage(renderPhoto(c.shape, cleanStyle(c.style), c.seed)))!;
      const [a, b] = [centreOfMass(photo.input, 28, 28), centreOfMass(clean, 28, 28)];
      const [p, q] = [inkBoundingBox(photo.input, 28, 28)!, inkBoundingBox(clean, 28, 28)!];
      const sameSize = Math.abs(p.x1 - p.x0 - (q.x1 - q.x0)) <= 2 && Math.abs(p.y1 - p.y0 - (q.y1 - q.y0)) <= 2;
      if (Math.hypot(a.x - b.x, a.y - b.y) <= 1 && sameSize) matched++;
    }
    expect(found / cases.length).toBeGreaterThanOrEqual(0.98);
    expect(matched / found).toBeGreaterThanOrEqual(0.95);
  }, 240_000); // 400 renders: about 15 s of CPU, far longer on a busy machine
});
