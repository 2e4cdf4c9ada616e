import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBoundingBox, normalizeDigit, type RgbaImage, resampleArea, toGray } from './normalize.ts';

/** A w×h RGBA image of one colour with a filled rectangle of another. */
function picture(w: number, h: number, paper: number, ink: number, rect: { x: number; y: number; w: number; h: number }): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
      const v = inside ? ink : paper;
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  }
  return { data, width: w, height: h };
}

function boundingBox28(out: Float32Array) {
  return inkBoundingBox(out, 28, 28)!;
}

describe('MNIST-style normalization', () => {
  it('returns null for an empty canvas (no ink at all)', () => {
    expect(normalizeDigit(picture(280, 280, 255, 255, { x: 0, y: 0, w: 0, h: 0 }))).toBeNull();
    expect(normalizeDigit(picture(50, 50, 0, 0, { x: 0, y: 0, w: 0, h: 0 }))).toBeNull();
  });

  it('computes luma as PIL does and composites transparency onto white', () => {
    const data = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
    const gray = toGray({ data, width: 4, height: 1 });
    expect(Array.from(gray)).toEqual([76.245, 149.685, 29.07, 255].map((v) => Math.fround(v)));
  });

  it('scales the longer side of the ink to 20 px and keeps the aspect ratio', () => {
    const out = normalizeDigit(picture(300, 200, 255, 0, { x: 100, y: 20, w: 40, h: 160 }))!;
    const box = boundingBox28(out);
    expect(box.y1 - box.y0).toBe(20);
    expect(box.x1 - box.x0).toBe(5);
  });

  it('centres the centre of mass in the 28×28 frame', () => {
    const out = normalizeDigit(picture(200, 200, 255, 0, { x: 10, y: 30, w: 60, h: 30 }))!;
    const com = centreOfMass(out, 28, 28);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('gives the same result for dark-on-light and light-on-dark pictures', () => {
    const rect = { x: 30, y: 15, w: 20, h: 50 };
    const dark = normalizeDigit(picture(90, 80, 240, 20, rect))!;
    const light = normalizeDigit(picture(90, 80, 20, 240, rect))!;
    expect(Array.from(light)).toEqual(Array.from(dark));
  });

  it('puts values in [0, 1] with the strongest ink at 1 and the background at 0', () => {
    const out = normalizeDigit(picture(64, 64, 200, 90, { x: 20, y: 10, w: 12, h: 40 }))!;
    expect(Math.max(...out)).toBeCloseTo(1, 6);
    expect(Math.min(...out)).toBe(0);
    expect(out[0]).toBe(0);
  });

  it('works for tiny and huge inputs alike', () => {
    const tiny = normalizeDigit(picture(8, 8, 255, 0, { x: 3, y: 1, w: 2, h: 6 }))!;
    const huge = normalizeDigit(picture(2000, 1500, 255, 0, { x: 900, y: 300, w: 200, h: 600 }))!;
    expect(boundingBox28(tiny).y1 - boundingBox28(tiny).y0).toBe(20);
    expect(boundingBox28(huge).y1 - boundingBox28(huge).y0).toBe(20);
  });

  it('area-averages when shrinking: a 2×2 checker becomes its mean', () => {
    const src = new Float32Array([1, 0, 0, 1]);
    expect(Array.from(resampleArea(src, 2, { x0: 0, y0: 0, x1: 2, y1: 2 }, 1, 1))).toEqual([0.5]);
  });
});
