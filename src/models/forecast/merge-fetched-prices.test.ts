import { describe, expect, it } from 'vitest';
import { mergeFetchedPrices } from './merge-fetched-prices.ts';

const stored = [
  { date: '2024-04-20', close: 100 },
  { date: '2024-04-21', close: 200 },
];

describe('mergeFetchedPrices', () => {
  it('appends the new days in date order', () => {
    const merged = mergeFetchedPrices(stored, [
      { date: '2024-04-23', close: 230 },
      { date: '2024-04-22', close: 220 },
    ]);
    expect(merged.rows.map((r) => r.date)).toEqual(['2024-04-20', '2024-04-21', '2024-04-22', '2024-04-23']);
    expect(merged.addedDates).toEqual(['2024-04-22', '2024-04-23']);
    expect(merged.disagreements).toEqual([]);
  });

  it('keeps the stored close where both have a day; within 1% it says nothing', () => {
    const merged = mergeFetchedPrices(stored, [{ date: '2024-04-21', close: 201.99 }]);
    expect(merged.rows).toEqual(stored);
    expect(merged.addedDates).toEqual([]);
    expect(merged.disagreements).toEqual([]);
  });

  it('more than 1% apart: still the stored close, and the disagreement is reported', () => {
    const merged = mergeFetchedPrices(stored, [
      { date: '2024-04-20', close: 98.9 },
      { date: '2024-04-21', close: 202.01 },
      { date: '2024-04-22', close: 210 },
    ]);
    expect(merged.rows).toEqual([...stored, { date: '2024-04-22', close: 210 }]);
    expect(merged.disagreements).toEqual([
      { date: '2024-04-20', stored: 100, fetched: 98.9 },
      { date: '2024-04-21', stored: 200, fetched: 202.01 },
    ]);
  });

  it('refuses fetched rows without a valid date or a positive price', () => {
    expect(() => mergeFetchedPrices(stored, [{ date: '2024-02-30', close: 1 }])).toThrow('A fetched day has no valid date');
    expect(() => mergeFetchedPrices(stored, [{ date: '2024-04-22', close: 0 }])).toThrow('The fetched close for 2024-04-22 is');
    expect(() => mergeFetchedPrices(stored, [{ date: '2024-04-22', close: Number.NaN }])).toThrow('not a positive price');
  });
});
