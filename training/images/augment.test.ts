import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random.ts';
import { CAFFE_MEAN_BGR } from '../../src/models/images/input-normalization.ts';
import { augmentImage } from './augment.ts';

const SIZE = 16;
const image = Uint8Array.from({ length: SIZE * SIZE * 3 }, (_, i) => (i * 13) % 256);

describe('augmentImage', () => {
  it('writes caffe-normalised values (BGR minus the means) within the 8-bit range', () => {
    const out = new Float32Array(SIZE * SIZE * 3);
    augmentImage(image, 0, SIZE, out, 0, seededRandom(1));
    for (let i = 0; i < out.length; i++) {
      const mean = CAFFE_MEAN_BGR[i % 3];
      expect(out[i]).toBeGreaterThanOrEqual(-mean - 1e-3);
      expect(out[i]).toBeLessThanOrEqual(255 - mean + 1e-3);
    }
  });

  it('is deterministic for a seed and varies between draws', () => {
    const run = (seed: number) => {
      const out = new Float32Array(SIZE * SIZE * 3);
      augmentImage(image, 0, SIZE, out, 0, seededRandom(seed));
      return out;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('with grayscale 1 writes equal red, green and blue', () => {
    const out = new Float32Array(SIZE * SIZE * 3);
    augmentImage(image, 0, SIZE, out, 0, seededRandom(5), { minCrop: 0.5, grayscale: 1 });
    for (let p = 0; p < SIZE * SIZE; p++) {
      const [b, g, r] = [0, 1, 2].map((c) => out[p * 3 + c] + CAFFE_MEAN_BGR[c]);
      expect(g).toBeCloseTo(b, 3);
      expect(r).toBeCloseTo(b, 3);
    }
  });

  it('draws no extra random number unless grayscale is on, so older runs repeat exactly', () => {
    const counted = (grayscale: number) => {
      const random = seededRandom(9);
      let calls = 0;
      augmentImage(
        image,
        0,
        SIZE,
        new Float32Array(SIZE * SIZE * 3),
        0,
        () => {
          calls++;
          return random();
        },
        { minCrop: 0.75, grayscale },
      );
      return calls;
    };
    expect(counted(0)).toBe(7); // crop, x, y, flip, brightness, contrast, saturation
    expect(counted(0.5)).toBe(8);
  });
});
