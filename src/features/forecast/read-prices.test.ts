import { describe, expect, it } from 'vitest';
import { readPrices } from './read-prices.ts';

const csv = (days: number) =>
  [
    'Date,Open,High,Low,Close,Adj Close,Volume',
    ...Array.from({ length: days }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},1,1,1,${100 + i},${100 + i},5`),
  ].join('\n');

describe('readPrices', () => {
  it('accepts two weeks', () => {
    expect(readPrices(csv(14)).rows).toHaveLength(14);
  });

  it('refuses fewer than two weeks, saying how many days there are', () => {
    expect(() => readPrices(csv(13))).toThrow(
      'Only 13 days of prices (2024-01-01 … 2024-01-13): forecasting and training need at least 14 days (two weeks).',
    );
  });

  it('refuses binary files before trying to read them as CSV', () => {
    expect(() => readPrices('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toThrow(/This is not a text file/);
  });

  it("passes the parser's line-level errors through", () => {
    expect(() => readPrices(csv(14).replace('2024-01-05,1,1,1,104', '2024-01-05,1,1,1,abc'))).toThrow(
      "Line 6: the close price 'abc' is not a number.",
    );
  });
});
