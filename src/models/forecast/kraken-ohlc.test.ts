import { describe, expect, it } from 'vitest';
import { krakenOhlcUrl, parseKrakenOhlc } from './kraken-ohlc.ts';
import { unixSeconds } from './price-days.ts';

// Rows as Kraken documents them: [time (s), open, high, low, close (string), vwap, volume, count], oldest first.
const row = (date: string, close: string) => [unixSeconds(date), '64000.0', '65000.0', '63000.0', close, '64200.1', '1200.5', 40000];
const answer = (rows: unknown[], extra: Record<string, unknown> = {}) => ({
  error: [],
  result: { XXBTZUSD: rows, last: unixSeconds('2024-04-24'), ...extra },
});

describe('Kraken OHLC', () => {
  it('asks for the days from a date on', () => {
    expect(krakenOhlcUrl('https://api.kraken.com', '2024-04-22')).toBe(
      `https://api.kraken.com/0/public/OHLC?pair=XBTUSD&interval=1440&since=${unixSeconds('2024-04-22') - 1}`,
    );
  });

  it('reads string closes under the first key that is not "last"', () => {
    expect(parseKrakenOhlc(answer([row('2024-04-22', '64900.2'), row('2024-04-23', '66800.0')]))).toEqual([
      { date: '2024-04-22', close: 64_900.2 },
      { date: '2024-04-23', close: 66_800 },
    ]);
    // "last" first in the object: still the pair's rows.
    const lastFirst = { error: [], result: { last: 1, XXBTZUSD: [row('2024-04-22', '1.5')] } };
    expect(parseKrakenOhlc(lastFirst)).toEqual([{ date: '2024-04-22', close: 1.5 }]);
  });

  it('keeps the unfinished day: dropping it is the caller’s (it knows what today is)', () => {
    expect(parseKrakenOhlc(answer([row('2024-04-22', '1'), row('2024-04-23', '2')]))).toHaveLength(2);
  });

  it("says Kraken's own error", () => {
    expect(() => parseKrakenOhlc({ error: ['EGeneral:Too many requests'], result: {} })).toThrow(
      "Kraken answered with an error: 'EGeneral:Too many requests'.",
    );
  });

  it.each([
    ['not an object', [1, 2], 'Kraken sent something other than its price answer.'],
    ['no error list', { result: {} }, 'Kraken sent an answer without its error list.'],
    ['no result', { error: [] }, 'Kraken sent an answer without prices.'],
    ['only "last"', { error: [], result: { last: 5 } }, 'Kraken sent an answer without prices.'],
    ['rows not a list', { error: [], result: { XXBTZUSD: 'x' } }, 'Kraken sent an answer without prices.'],
    [
      'a close that is not a number',
      answer([row('2024-04-22', 'abc')]),
      "Kraken sent a close of 'abc' for 2024-04-22: not a positive price.",
    ],
    ['an empty close', answer([row('2024-04-22', '')]), 'not a positive price'],
    ['a zero close', answer([row('2024-04-22', '0.0')]), 'not a positive price'],
    ['a negative close', answer([row('2024-04-22', '-3')]), 'not a positive price'],
    ['a NaN close', answer([row('2024-04-22', 'NaN')]), 'not a positive price'],
    [
      'newest first',
      answer([row('2024-04-23', '1'), row('2024-04-22', '2')]),
      'Kraken sent the days out of order (2024-04-22 after 2024-04-23).',
    ],
    ['a time as a string', answer([['1713744000', '1', '1', '1', '1']]), 'Kraken sent a malformed row (row 1:'],
  ])('refuses %s', (_, body, message) => {
    expect(() => parseKrakenOhlc(body)).toThrow(message);
  });
});
