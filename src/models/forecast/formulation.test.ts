import { describe, expect, it } from 'vitest';
import { trainingArrays } from './formulation.ts';
import type { Week } from './weeks.ts';

const week = (closes: number[]): Week => ({ dates: closes.map((_, i) => `2020-01-0${i + 1}`), closes });
const W0 = week([10, 11, 12, 13, 14, 15, 16]);
const W1 = week([20, 22, 18, 20, 25, 10, 40]);
const W2 = week([40, 40, 44, 36, 50, 60, 20]);
// Hand-computed p_i / p_0 − 1:
const N0 = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
const N1 = [0, 0.1, -0.1, 0, 0.25, -0.5, 1];
const N2 = [0, 0, 0.1, -0.1, 0.25, 0.5, -0.5];

function expectValues(actual: Float32Array, expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 6));
}

describe('trainingArrays', () => {
  it("'reference': one sample, all weeks but the last → the last week (the book's 186 → 187)", () => {
    const a = trainingArrays([W0, W1, W2], 'reference');
    expect(a.xShape).toEqual([1, 2, 7]);
    expectValues(a.x, [...N0, ...N1]);
    expect(a.yShape).toEqual([1, 7]);
    expectValues(a.y, N2);
    expect(a.perStep).toBe(false);
  });

  it("'prefixes': after each week, the next week normalized on its own first close", () => {
    const a = trainingArrays([W0, W1, W2], 'prefixes');
    expect(a.xShape).toEqual([1, 2, 7]);
    expectValues(a.x, [...N0, ...N1]);
    expect(a.yShape).toEqual([1, 2, 7]);
    expectValues(a.y, [...N1, ...N2]);
    expect(a.perStep).toBe(true);
  });

  it("'prefixes-last-close': the next week relative to the last close before it", () => {
    const a = trainingArrays([W0, W1, W2], 'prefixes-last-close');
    // W1 / 16 − 1 and W2 / 40 − 1
    expectValues(a.y, [0.25, 0.375, 0.125, 0.25, 0.5625, -0.375, 1.5, 0, 0, 0.1, -0.1, 0.25, 0.5, -0.5]);
  });

  it('needs two weeks', () => {
    expect(() => trainingArrays([W0], 'reference')).toThrow('Training needs at least 2 complete weeks (14 days of prices); got 1.');
  });
});
