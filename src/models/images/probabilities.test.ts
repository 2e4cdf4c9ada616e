import { describe, expect, it } from 'vitest';
import { toProbabilities, topK } from './probabilities.ts';

describe('toProbabilities', () => {
  it('keeps softmax output', () => expect(toProbabilities([0.25, 0.75])).toEqual([0.25, 0.75]));
  it('applies softmax to logits', () => {
    const p = toProbabilities([2, -1, 0.5]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + Math.exp(-1) + Math.exp(0.5)), 10);
  });
  it('treats one sigmoid unit as P(class 1)', () => expect(toProbabilities([0.9])).toEqual([0.09999999999999998, 0.9]));
  it('treats one output outside [0, 1] as a logit', () => expect(toProbabilities([-2])[1]).toBeCloseTo(1 / (1 + Math.exp(2)), 12));
  it('refuses NaN', () => expect(() => toProbabilities([NaN, 1])).toThrow(/NaN/));
});

describe('topK', () => {
  it('orders by probability, ties by index', () => expect(topK([0.1, 0.4, 0.4, 0.1], 3)).toEqual([1, 2, 0]));
});
