import { describe, expect, it } from 'vitest';
import { seededRandom } from '../common/random.ts';
import { sampleIndex, sampleWithTemperature, temperatureDistribution } from './sampling.ts';

const probabilities = [0.02, 0.1, 0.3, 0.05, 0.4, 0.13];
const logProbabilities = probabilities.map(Math.log);

/** Reference log-softmax in float64 (max subtracted so exp stays in range). */
function logSoftmax64(logits: ArrayLike<number>): Float64Array {
  const values = Array.from(logits);
  const max = Math.max(...values);
  const offset = max + Math.log(values.reduce((s, v) => s + Math.exp(v - max), 0));
  return Float64Array.from(values, (v) => v - offset);
}

/** Pearson's chi-square statistic of observed counts against a distribution. */
function chiSquare(counts: number[], expected: ArrayLike<number>, draws: number): number {
  return counts.reduce((sum, count, i) => sum + (count - draws * expected[i]) ** 2 / (draws * expected[i]), 0);
}

function draw(distribution: Float64Array, draws: number, seed: number): number[] {
  const random = seededRandom(seed);
  const counts = new Array<number>(distribution.length).fill(0);
  for (let n = 0; n < draws; n++) counts[sampleIndex(distribution, random)]++;
  return counts;
}

// Chi-square critical value for 5 degrees of freedom at p = 0.001.
const CRITICAL_5_DOF = 20.515;

describe('temperatureDistribution', () => {
  it("is the original app's exp(log p / diversity), normalized", () => {
    for (const diversity of [0.5, 0.8, 1, 2.5, 5]) {
      const naive = probabilities.map((p) => Math.exp(Math.log(p) / diversity));
      const total = naive.reduce((a, b) => a + b, 0);
      const ours = temperatureDistribution(logProbabilities, diversity);
      naive.forEach((v, i) => expect(ours[i]).toBeCloseTo(v / total, 12));
    }
  });

  it('gives the same distribution from logits as from log-probabilities (float64)', () => {
    const logits = new Float32Array([3.5, -2, 0.25, 7, 7.5, -30]);
    const fromLogits = temperatureDistribution(logits, 0.8, [1]);
    const fromLogProbabilities = temperatureDistribution(logSoftmax64(logits), 0.8, [1]);
    fromLogits.forEach((p, i) => expect(p).toBeCloseTo(fromLogProbabilities[i], 14));
  });

  it('gives excluded ids probability 0 and renormalizes the rest', () => {
    const ours = temperatureDistribution(logProbabilities, 1, [0, 4]);
    expect(ours[0]).toBe(0);
    expect(ours[4]).toBe(0);
    expect(ours[2]).toBeCloseTo(0.3 / 0.58, 12);
  });
});

describe('sampleIndex', () => {
  it('draws with the distribution’s frequencies (chi-square, 20,000 draws)', () => {
    for (const diversity of [1, 0.8, 3]) {
      const distribution = temperatureDistribution(logProbabilities, diversity);
      const counts = draw(distribution, 20_000, 11);
      expect(chiSquare(counts, distribution, 20_000)).toBeLessThan(CRITICAL_5_DOF);
    }
  });

  it('the chi-square check rejects draws from a different distribution', () => {
    const counts = draw(temperatureDistribution(logProbabilities, 1.3), 20_000, 11);
    expect(chiSquare(counts, temperatureDistribution(logProbabilities, 1), 20_000)).toBeGreaterThan(CRITICAL_5_DOF);
  });

  it('concentrates on the most likely word as diversity gets small', () => {
    const share = (diversity: number) => draw(temperatureDistribution(logProbabilities, diversity), 10_000, 5)[4] / 10_000;
    expect(share(0.5)).toBeGreaterThan(share(1));
    expect(share(0.1)).toBeGreaterThan(0.9); // (0.3/0.4)^10 ≈ 5.6% still goes to the runner-up
    expect(share(0.03)).toBeGreaterThan(0.999);
    expect(share(0.01)).toBe(1);
  });

  it('never draws an excluded id', () => {
    const counts = draw(temperatureDistribution(logProbabilities, 5, [4, 2]), 10_000, 3);
    expect(counts[4]).toBe(0);
    expect(counts[2]).toBe(0);
  });

  it('is reproducible with the same random seed', () => {
    const distribution = temperatureDistribution(logProbabilities, 1);
    expect(draw(distribution, 500, 42)).toEqual(draw(distribution, 500, 42));
  });
});

describe('sampleWithTemperature', () => {
  it('draws what sampleIndex draws from temperatureDistribution, for the same random numbers', () => {
    const random = seededRandom(21);
    const logits = Float32Array.from({ length: 500 }, () => 8 * random() - 4);
    const excluded = [0, 499];
    for (const diversity of [0.5, 0.8, 1.7, 5]) {
      const [a, b] = [seededRandom(7), seededRandom(7)];
      for (let n = 0; n < 2000; n++) {
        const id = sampleWithTemperature(logits, diversity, excluded, a);
        expect(id).toBe(sampleIndex(temperatureDistribution(logits, diversity, excluded), b));
        expect(excluded).not.toContain(id);
      }
    }
  });

  it('finds the largest allowed logit even when an excluded one is far larger', () => {
    const logits = [500, 1, 2, 3];
    const counts = [0, 0, 0, 0];
    const random = seededRandom(3);
    for (let n = 0; n < 1000; n++) counts[sampleWithTemperature(logits, 0.5, [0], random)]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBeGreaterThan(counts[2]);
    expect(counts[1] + counts[2] + counts[3]).toBe(1000);
  });
});
