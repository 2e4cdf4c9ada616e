import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.ts';
import { flattenLighting } from './lighting.ts';
import { openGrey } from './morphology.ts';
import { otsuThreshold } from './otsu.ts';

describe('the ink finder’s parts', () => {
  it('Otsu splits two groups of values between them, ignoring what is under the floor', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0.02 : i < 900 ? 0.3 : 0.8));
    const t = otsuThreshold(values, 0.1);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThan(0.8);
  });

  it('labels 8-connected groups and says which touch the border', () => {
    const mask = Uint8Array.from([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const { components } = connectedComponents(mask, 5, 5);
    expect(components.map((c) => [c.area, c.touchesBorder])).toEqual([[4, true]]);
    const inner = Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(connectedComponents(inner, 5, 5).components.map((c) => [c.area, c.touchesBorder])).toEqual([
      [1, false],
      [1, false],
    ]);
  });

  it('an opening removes a 1-pixel line and keeps a thick block', () => {
    const img = new Float32Array(20 * 20);
    for (let x = 0; x < 20; x++) img[3 * 20 + x] = 1; // a line
    for (let y = 10; y < 16; y++) for (let x = 5; x < 11; x++) img[y * 20 + x] = 1; // a block
    const open = openGrey(img, 20, 20, 1);
    expect(open[3 * 20 + 10]).toBe(0);
    expect(open[12 * 20 + 7]).toBe(1);
  });

  it('flattening leaves paper under a gradient and a shadow at 0 and the ink dark', () => {
    const w = 320,
      h = 240;
    const gray = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const light = (1 - 0.5 * (x / w)) * (y > 150 ? 0.6 : 1);
        const ink = x >= 150 && x < 158 && y >= 60 && y < 180 ? 0.15 : 0.95;
        gray[y * w + x] = 255 * ink * light;
      }
    }
    const dark = flattenLighting(gray, w, h);
    // A perfectly sharp shadow edge (at y = 150) leaves a seam of at most 2 px: the estimate is interpolated.
    for (const [x, y] of [
      [10, 10],
      [300, 20],
      [20, 200],
      [300, 230],
      [100, 148],
      [100, 153],
    ])
      expect(dark[y * w + x]).toBeLessThan(0.08);
    for (const [x, y] of [
      [154, 70],
      [154, 170],
    ])
      expect(dark[y * w + x]).toBeGreaterThan(0.7);
  });
});
