import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate } from './dates.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { denormalizeWeek, groupIntoWeeks, normalizeWeek, weeksToInput } from './weeks.ts';

/** Closes 1, 2, 3, … on consecutive days from 2020-01-01. */
function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 12));
}

const series = (days: number): PriceRow[] => Array.from({ length: days }, (_, i) => ({ date: addDays('2020-01-01', i), close: i + 1 }));

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-1-01')).toBe(false);
  });
  it('adds days across months, years and DST changes', () => {
    expect(addDays('2019-12-30', 7)).toBe('2020-01-06');
    expect(addDays('2020-03-07', 2)).toBe('2020-03-09');
    expect(daysBetween('2016-01-04', '2019-08-04')).toBe(1308);
  });
});

describe('groupIntoWeeks', () => {
  it("'start' begins at the first row and drops an incomplete last group", () => {
    const weeks = groupIntoWeeks(series(16), 'start');
    expect(weeks.map((w) => w.closes)).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14],
    ]);
    expect(weeks[1].dates).toEqual(['2020-01-08', '2020-01-09', '2020-01-10', '2020-01-11', '2020-01-12', '2020-01-13', '2020-01-14']);
  });

  it("'end' (the default) ends at the last row and drops an incomplete first group", () => {
    const weeks = groupIntoWeeks(series(16));
    expect(weeks.map((w) => w.closes)).toEqual([
      [3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16],
    ]);
  });

  it('gives the same weeks both ways when the length is a multiple of 7, and none under 7 days', () => {
    expect(groupIntoWeeks(series(21), 'start')).toEqual(groupIntoWeeks(series(21), 'end'));
    expect(groupIntoWeeks(series(6))).toEqual([]);
  });
});

describe('point-relative normalization', () => {
  it('is p_i / p_0 − 1', () => {
    expectClose(normalizeWeek([100, 110, 90, 100, 125, 50, 200]), [0, 0.1, -0.1, 0, 0.25, -0.5, 1]);
  });

  it('is undone by base × (y + 1)', () => {
    expectClose(denormalizeWeek([0, 0.1, -0.1, 0, 0.25, -0.5, 1], 200), [200, 220, 180, 200, 250, 100, 400]);
    const closes = [7310.5, 7400.25, 7121, 6999.99, 7050, 7260.75, 7333.33];
    denormalizeWeek(normalizeWeek(closes), closes[0]).forEach((p, i) => expect(p).toBeCloseTo(closes[i], 9));
  });

  it('flattens normalized weeks into the model input', () => {
    const input = weeksToInput(groupIntoWeeks(series(14)));
    expect(input).toHaveLength(14);
    expect(input[0]).toBe(0);
    expect(input[6]).toBeCloseTo(6, 6); // 7 / 1 − 1
    expect(input[7]).toBe(0);
    expect(input[13]).toBeCloseTo(14 / 8 - 1, 6);
  });
});
