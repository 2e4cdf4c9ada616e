/**
 * Property tests of the two exchange parsers: thousands of generated answers (valid ones, valid
 * ones with one thing broken, arbitrary JSON, deeply nested values) each give either clean rows or
 * a PriceSourceError, never any other exception; the clean rows always hold up.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoinbaseCandles } from './coinbase-candles.ts';
import { isIsoDate } from './dates.ts';
import { parseKrakenOhlc } from './kraken-ohlc.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { PriceSourceError } from './price-source-error.ts';

const RUNS = 4000;
const DAY = 86_400;
const counts = new Map<string, number>();
afterAll(() => {
  for (const [target, n] of counts) console.log(`fuzz ${target}: ${n} inputs`);
});

/** Runs the parser; a result must be clean rows, a failure must be a PriceSourceError in plain words. */
function check(target: string, parse: (body: unknown) => PriceRow[], body: unknown): boolean {
  counts.set(target, (counts.get(target) ?? 0) + 1);
  let rows: PriceRow[];
  try {
    rows = parse(body);
  } catch (err) {
    if (!(err instanceof PriceSourceError)) throw err;
    expect(err.message).not.toMatch(/undefined|TypeError|RangeError|\[object /);
    return true;
  }
  // Plain comparisons, not one expect per row: thousands of inputs must stay fast.
  return rows.every(
    (row, i) => isIsoDate(row.date) && row.close > 0 && Number.isFinite(row.close) && (i === 0 || rows[i - 1].date < row.date),
  );
}

// Values that break things: odd numbers, strings that look like numbers, empties, wrong types.
const oddValue = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    '1e400',
    'NaN',
    '0x10',
    '1,5',
    null,
    true,
    [],
    {},
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
);
/** [[[…]]] nested `depth` deep around a value. */
const deep = fc.tuple(fc.integer({ min: 50, max: 2000 }), oddValue).map(([depth, value]) => {
  let nested: unknown = value;
  for (let i = 0; i < depth; i++) nested = [nested];
  return nested;
});

const days = fc.tuple(
  fc.integer({ min: 16_000, max: 21_000 }),
  fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { maxLength: 40 }),
);

/** Mutates one cell, one row, or the list itself. */
function mutate<T>(rows: unknown[][], wrap: (rows: unknown[]) => T) {
  return fc.oneof(
    fc.constant(wrap(rows)),
    fc.tuple(fc.nat(), fc.nat(8), fc.oneof(oddValue, deep)).map(([r, c, v]) => {
      const copy = rows.map((row) => [...row]);
      if (copy.length > 0) copy[r % copy.length][c] = v;
      return wrap(copy);
    }),
    fc.tuple(fc.nat(), fc.oneof(oddValue, deep)).map(([r, v]) => {
      const copy: unknown[] = [...rows];
      copy.splice(r % (copy.length + 1), 0, v);
      return wrap(copy);
    }),
    fc.nat().map((n) => wrap(rows.slice(0, n % (rows.length + 1)).map((row) => row.slice(0, n % 9)))),
    fc.constant(wrap([...rows].reverse())),
  );
}

describe('exchange parsers on generated answers', () => {
  it('Coinbase: rows, or a plain PriceSourceError', () => {
    const valid = days.map(([start, closes]) =>
      closes.map((close, i) => [(start + i) * DAY, close * 0.9, close * 1.1, close, close, 12.5]).reverse(),
    );
    const body = fc.oneof(
      valid.chain((rows) => mutate(rows, (r) => r)),
      fc.record({ message: fc.oneof(fc.string(), oddValue) }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({ maxDepth: 4 }),
      deep,
    );
    fc.assert(
      fc.property(body, (b) => check('parseCoinbaseCandles', parseCoinbaseCandles, b)),
      { numRuns: RUNS },
    );
  });

  it('Kraken: rows, or a plain PriceSourceError', () => {
    const valid = days.map(([start, closes]) =>
      closes.map((close, i) => [(start + i) * DAY, String(close), String(close), String(close), String(close), String(close), '1.5', 7]),
    );
    const answer = (rows: unknown) => ({ error: [], result: { XXBTZUSD: rows, last: 1 } });
    const body = fc.oneof(
      valid.chain((rows) => mutate(rows, answer)),
      valid.map((rows) => ({ error: [], result: { last: 5, XXBTZUSD: rows } })),
      fc.record({
        error: fc.oneof(fc.array(fc.string()), oddValue),
        result: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), oddValue),
      }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({ maxDepth: 4 }),
      deep,
    );
    fc.assert(
      fc.property(body, (b) => check('parseKrakenOhlc', parseKrakenOhlc, b)),
      { numRuns: RUNS },
    );
  });
});
