import { describe, expect, it } from 'vitest';
import { heldOutLines, mergeTallies } from './evaluate.ts';

describe('held-out tallies scored in shares', () => {
  const share = (crossEntropy: number, accuracy: number, n: number) => ({
    quality: { crossEntropy, accuracy, n },
    windows: 5,
    unknownTargetShare: 0.0123,
  });

  it('merge into the means over every window, weighted by how many each share scored', () => {
    // Windows scored one by one: cross-entropies 1, 2, 3 | 5, 9; hits 1, 0, 0 | 1, 1.
    const merged = mergeTallies([share(2, 1 / 3, 3), share(7, 1, 2)]);
    expect(merged.quality.n).toBe(5);
    expect(merged.quality.crossEntropy).toBeCloseTo(20 / 5, 12);
    expect(merged.quality.accuracy).toBeCloseTo(3 / 5, 12);
  });

  it('print the lines one process would print for the whole set', () => {
    expect(heldOutLines(mergeTallies([share(2, 1 / 3, 3), share(7, 1, 2)]))).toEqual([
      {
        model: 'text',
        metric: 'cross_entropy',
        value: 4,
        n: 5,
        data: 'held-out abstracts: next word after 50 words, every one of the 5 windows; 1.23% of targets are the unknown id',
      },
      { model: 'text', metric: 'accuracy', value: 0.6, n: 5, data: 'the same windows, top-1' },
    ]);
  });
});
