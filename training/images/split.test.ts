import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from './split.ts';

describe('stratifiedSplit', () => {
  const labels = [...Array(500).fill(0), ...Array(500).fill(1)];

  it('holds out 20% of each class, disjoint from training, and the same every time', () => {
    const { train, validation } = stratifiedSplit(labels);
    expect(validation.filter((i) => labels[i] === 0)).toHaveLength(100);
    expect(validation.filter((i) => labels[i] === 1)).toHaveLength(100);
    expect(train).toHaveLength(800);
    expect(new Set([...train, ...validation]).size).toBe(1000);
    expect(stratifiedSplit(labels)).toEqual({ train, validation });
  });

  it('changes with the seed', () => {
    expect(stratifiedSplit(labels, 0.2, 1).validation).not.toEqual(stratifiedSplit(labels, 0.2, 2).validation);
  });
});
