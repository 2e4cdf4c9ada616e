import { describe, expect, it } from 'vitest';
import { coinbaseCandlesUrl, parseCoinbaseCandles } from './coinbase-candles.ts';
import { unixSeconds } from './price-days.ts';

// Rows as Coinbase documents them: [time (s), low, high, open, close, volume], newest first.
const candle = (date: string, close: number) => [unixSeconds(date), close * 0.97, close * 1.02, close * 0.99, close, 1234.5];

describe('Coinbase candles', () => {
  it('asks for one window of days, the last day to its final second', () => {
    expect(coinbaseCandlesUrl('https://api.exchange.coinbase.com', { first: '2024-04-22', last: '2025-02-15' })).toBe(
      'https://api.exchange.coinbase.com/products/BTC-USD/candles?granularity=86400&start=2024-04-22T00:00:00Z&end=2025-02-15T23:59:59Z',
    );
  });

  it('reads newest-first rows into dated closes, oldest first', () => {
    const body = [candle('2024-04-24', 66_400.5), candle('2024-04-23', 66_800), candle('2024-04-22', 64_900.25)];
    expect(parseCoinbaseCandles(body)).toEqual([
      { date: '2024-04-22', close: 64_900.25 },
      { date: '2024-04-23', close: 66_800 },
      { date: '2024-04-24', close: 66_400.5 },
    ]);
  });

  it('an empty list is no days (the caller decides what that means)', () => {
    expect(parseCoinbaseCandles([])).toEqual([]);
  });

  it("says Coinbase's own error message", () => {
    expect(() => parseCoinbaseCandles({ message: 'granularity too small for the requested time range' })).toThrow(
      "Coinbase answered with an error: 'granularity too small for the requested time range'.",
    );
  });

  it.each([
    ['not a list', { candles: [] }, 'Coinbase sent something other than a list of daily prices.'],
    ['a row too short', [[unixSeconds('2024-04-22'), 1, 2, 3]], 'Coinbase sent a malformed row (row 1:'],
    ['a string price', [[unixSeconds('2024-04-22'), 1, 2, 3, '64000', 5]], 'Coinbase sent a malformed row (row 1:'],
    ['a zero close', [candle('2024-04-22', 0)], 'Coinbase sent a close of'],
    ['a negative close', [candle('2024-04-22', -5)], 'not a positive price'],
    ['a time inside a day', [[unixSeconds('2024-04-22') + 3600, 1, 2, 3, 4, 5]], 'Coinbase sent a time that is not the start of a day'],
    [
      'oldest first',
      [candle('2024-04-22', 1), candle('2024-04-23', 2)],
      'Coinbase sent the days out of order (2024-04-23 after 2024-04-22).',
    ],
    ['a day twice', [candle('2024-04-23', 1), candle('2024-04-23', 2)], 'out of order'],
  ])('refuses %s', (_, body, message) => {
    expect(() => parseCoinbaseCandles(body)).toThrow(message);
  });

  it('refuses NaN and infinite closes, which JSON cannot carry but a bug could', () => {
    expect(() => parseCoinbaseCandles([candle('2024-04-22', Number.NaN)])).toThrow('not a positive price');
    expect(() => parseCoinbaseCandles([candle('2024-04-22', Number.POSITIVE_INFINITY)])).toThrow('not a positive price');
  });
});
