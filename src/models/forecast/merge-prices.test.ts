import { describe, expect, it } from 'vitest';
import { mergePrices } from './merge-prices.ts';

describe('mergePrices', () => {
  it('adds new dates, lets the newer file win on shared ones, and keeps date order', () => {
    const history = [
      { date: '2024-01-01', close: 1 },
      { date: '2024-01-02', close: 2 },
    ];
    const incoming = [
      { date: '2024-01-03', close: 3 },
      { date: '2024-01-02', close: 2.5 },
      { date: '2023-12-31', close: 0.5 },
    ];
    expect(mergePrices(history, incoming)).toEqual({
      rows: [
        { date: '2023-12-31', close: 0.5 },
        { date: '2024-01-01', close: 1 },
        { date: '2024-01-02', close: 2.5 },
        { date: '2024-01-03', close: 3 },
      ],
      added: 2,
    });
  });

  it('merges into an empty history', () => {
    expect(mergePrices([], [{ date: '2024-01-01', close: 1 }])).toEqual({ rows: [{ date: '2024-01-01', close: 1 }], added: 1 });
  });
});
