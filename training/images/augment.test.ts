import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random';
import { CAFFE_MEAN_BGR } from '../../src/models/images/input-normalization';
import { augmentImage } from './augment';

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
});
