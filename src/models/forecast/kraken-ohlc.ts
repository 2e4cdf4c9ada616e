/**
 * Kraken's daily OHLC:
 *   GET <base>/0/public/OHLC?pair=XBTUSD&interval=1440&since=<unix s>
 * answers {error: [], result: {<pair>: [[time (s), open, high, low, close (string), vwap, volume,
 * count], …], last: <id>}}, oldest first, and only the latest 720 days whatever `since` says; the
 * last row is the day still in progress.
 */

import type { PriceRow } from './parse-yahoo-csv.ts';
import { candleDate, unixSeconds } from './price-days.ts';
import { PriceSourceError, quote } from './price-source-error.ts';

export const KRAKEN_MAX_DAYS = 720;
const SOURCE = 'Kraken';
const CLOSE = 4;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Asks for the days from `first` on: one second before its midnight, so `first` is in whether `since` is inclusive or not. */
export function krakenOhlcUrl(base: string, first: string): string {
  return `${base}/0/public/OHLC?pair=XBTUSD&interval=1440&since=${unixSeconds(first) - 1}`;
}

function price(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value);
  return Number.NaN;
}

/** The rows as {date, close}, oldest first; anything malformed is refused whole. */
export function parseKrakenOhlc(body: unknown): PriceRow[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new PriceSourceError(`${SOURCE} sent something other than its price answer.`);
  const { error, result } = body as { error?: unknown; result?: unknown };
  if (!Array.isArray(error)) throw new PriceSourceError(`${SOURCE} sent an answer without its error list.`);
  if (error.length > 0) {
    const said = error.every((e) => typeof e === 'string') ? error.join('; ') : error; // documented: strings like 'EGeneral:…'
    throw new PriceSourceError(`${SOURCE} answered with an error: ${quote(said, 120)}.`);
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    throw new PriceSourceError(`${SOURCE} sent an answer without prices.`);
  const pair = Object.keys(result).find((key) => key !== 'last');
  const table = pair === undefined ? undefined : (result as Record<string, unknown>)[pair];
  if (!Array.isArray(table)) throw new PriceSourceError(`${SOURCE} sent an answer without prices.`);
  const rows: PriceRow[] = [];
  let older: string | null = null;
  for (const [i, entry] of table.entries()) {
    if (!Array.isArray(entry) || entry.length < 5 || typeof entry[0] !== 'number') {
      throw new PriceSourceError(`${SOURCE} sent a malformed row (row ${i + 1}: ${quote(entry)}).`);
    }
    const date = candleDate(entry[0], SOURCE);
    const close = price(entry[CLOSE]);
    if (!(close > 0) || !Number.isFinite(close))
      throw new PriceSourceError(`${SOURCE} sent a close of ${quote(entry[CLOSE])} for ${date}: not a positive price.`);
    if (older !== null && date <= older) throw new PriceSourceError(`${SOURCE} sent the days out of order (${date} after ${older}).`);
    older = date;
    rows.push({ date, close });
  }
  return rows;
}
