import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random.ts';
import { beta, gamma, mixBatch } from './mixup.ts';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => mean(xs.map((x) => (x - mean(xs)) ** 2));

describe('mixup', () => {
  it('draws Gamma(k) with mean k and variance k, below and above shape 1', () => {
    for (const k of [0.2, 0.5, 2, 5]) {
      const random = seededRandom(11);
      const draws = Array.from({ length: 20_000 }, () => gamma(k, random));
      expect(mean(draws)).toBeCloseTo(k, 1);
      expect(variance(draws) / k).toBeGreaterThan(0.9);
      expect(variance(draws) / k).toBeLessThan(1.1);
    }
  });

  it('draws Beta(a, a) in [0, 1] with mean 1/2 and variance 1/(4(2a+1))', () => {
    const random = seededRandom(12);
    const a = 0.4;
    const draws = Array.from({ length: 20_000 }, () => beta(a, random));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(1);
    expect(mean(draws)).toBeCloseTo(0.5, 2);
    expect(variance(draws)).toBeCloseTo(1 / (4 * (2 * a + 1)), 2);
  });

  it('blends images and labels with the same weight, so labels still sum to 1', () => {
    // Two 2-pixel "images": all 10s labelled [1, 0], all 50s labelled [0, 1].
    const x = Float32Array.from([10, 10, 50, 50]);
    const y = Float32Array.from([1, 0, 0, 1]);
    mixBatch(x, y, 2, 0.4, seededRandom(3));
    for (let i = 0; i < 2; i++) {
      const [a, b] = [y[i * 2], y[i * 2 + 1]];
      expect(a + b).toBeCloseTo(1, 6);
      // The pixel value tells the mix: 10a + 50b.
      expect(x[i * 2]).toBeCloseTo(10 * a + 50 * b, 4);
      expect(x[i * 2 + 1]).toBeCloseTo(x[i * 2], 6);
    }
  });
});
