/**
 * Property test of the merge: whatever is fetched (good days, days the history has, repeated
 * days, rows with odd or missing values), the stored prices all survive unchanged, the result is
 * one row per date in order, and a bad fetched row is a PriceSourceError, never another exception.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { mergeFetchedPrices } from './merge-fetched-prices.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { PriceSourceError } from './price-source-error.ts';

let inputs = 0;
afterAll(() => console.log(`fuzz mergeFetchedPrices: ${inputs} inputs`));

const FIRST = '2024-01-01';
const close = fc.double({ min: 0.01, max: 1e9, noNaN: true });
const stored = fc
  .uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 60 })
  .chain((offsets) =>
    fc.tuple(...offsets.sort((a, b) => a - b).map((o) => close.map((c): PriceRow => ({ date: addDays(FIRST, o), close: c })))),
  );
const goodRow = fc.tuple(fc.integer({ min: -10, max: 150 }), close).map(([o, c]) => ({ date: addDays(FIRST, o), close: c }));
const oddRow = fc.oneof(
  fc.record({
    date: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2024-02-30', '2024-1-1', '', '9999-12-31', '0000-01-01'), fc.integer()),
    close: fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 5e-324),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.anything(),
);

describe('mergeFetchedPrices on generated inputs', () => {
  it('keeps every stored day as it was, adds only new dates, in order; odd rows are a plain error', () => {
    const fetched = fc.array(fc.oneof({ weight: 8, arbitrary: goodRow }, { weight: 1, arbitrary: oddRow }), { maxLength: 80 });
    fc.assert(
      fc.property(stored, fetched, (history, incoming) => {
        inputs++;
        let merged: ReturnType<typeof mergeFetchedPrices>;
        try {
          merged = mergeFetchedPrices(history, incoming as PriceRow[]);
        } catch (err) {
          if (!(err instanceof PriceSourceError)) throw err;
          expect(err.message).not.toMatch(/undefined|TypeError|\[object /);
          return true;
        }
        // Plain comparisons, not one expect per row: thousands of inputs must stay fast.
        const byDate = new Map(merged.rows.map((r) => [r.date, r.close]));
        const storedDates = new Set(history.map((r) => r.date));
        return (
          history.every((r) => byDate.get(r.date) === r.close) &&
          merged.rows.every((r, i) => i === 0 || merged.rows[i - 1].date < r.date) &&
          merged.rows.length === history.length + merged.addedDates.length &&
          merged.addedDates.every((d) => !storedDates.has(d)) &&
          merged.disagreements.every((d) => storedDates.has(d.date) && Math.abs(d.fetched - d.stored) > 0.01 * d.stored)
        );
      }),
      { numRuns: 3000 },
    );
  });
});
