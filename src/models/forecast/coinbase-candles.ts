/**
 * Coinbase Exchange's daily candles:
 *   GET <base>/products/BTC-USD/candles?granularity=86400&start=<ISO>&end=<ISO>
 * answers rows [time (s), low, high, open, close, volume], newest first, at most 300 per request;
 * an error is a JSON object {message}. The page asks one window of at most 300 days at a time.
 */

import type { PriceRow } from './parse-yahoo-csv.ts';
import { candleDate, type DayWindow } from './price-days.ts';
import { PriceSourceError, quote } from './price-source-error.ts';

export const COINBASE_MAX_DAYS = 300;
const SOURCE = 'Coinbase';
const CLOSE = 4;

export function coinbaseCandlesUrl(base: string, window: DayWindow): string {
  // The end is the window's last day's final second: a window of 300 days is 300 candles whether
  // Coinbase counts its end inclusively or not.
  const query = `granularity=86400&start=${window.first}T00:00:00Z&end=${window.last}T23:59:59Z`;
  return `${base}/products/BTC-USD/candles?${query}`;
}

/** The candles as {date, close}, oldest first; anything malformed is refused whole. */
export function parseCoinbaseCandles(body: unknown): PriceRow[] {
  if (!Array.isArray(body)) {
    const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
    if (typeof message === 'string') throw new PriceSourceError(`${SOURCE} answered with an error: ${quote(message, 120)}.`);
    throw new PriceSourceError(`${SOURCE} sent something other than a list of daily prices.`);
  }
  const rows: PriceRow[] = [];
  let newer: string | null = null;
  for (const [i, candle] of body.entries()) {
    if (!Array.isArray(candle) || candle.length < 5 || !candle.slice(0, 5).every((v) => typeof v === 'number')) {
      throw new PriceSourceError(`${SOURCE} sent a malformed row (row ${i + 1}: ${quote(candle)}).`);
    }
    const date = candleDate(candle[0] as number, SOURCE);
    const close = candle[CLOSE] as number;
    if (!(close > 0) || !Number.isFinite(close))
      throw new PriceSourceError(`${SOURCE} sent a close of ${quote(close)} for ${date}: not a positive price.`);
    // Newest first, one candle per day: anything else means the answer is not what it seems.
    if (newer !== null && date >= newer) throw new PriceSourceError(`${SOURCE} sent the days out of order (${date} after ${newer}).`);
    newer = date;
    rows.push({ date, close });
  }
  return rows.reverse();
}
