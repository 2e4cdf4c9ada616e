/** Bitcoin daily closes from DATA_DIR/btc (Yahoo Finance exports), read with the app's own parser. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PriceRow, parseYahooCsv } from '../../src/models/forecast/parse-yahoo-csv.ts';

/** The book's file: 2014-09-22 … 2019-12-30. */
export const BTC_BOOK_CSV = path.join('btc', 'BTC-USD.csv');
/** The same Yahoo series, to 2024-04-21. */
export const BTC_RECENT_CSV = path.join('btc', 'BTC-USD-recent.csv');

export function readPrices(dataDir: string, file: string): PriceRow[] {
  const full = path.join(dataDir, file);
  try {
    const { rows, warnings } = parseYahooCsv(readFileSync(full, 'utf8'));
    for (const w of warnings) console.warn(`${file}: ${w}`);
    return rows;
  } catch (err) {
    throw new Error(`${full}: ${(err as Error).message}`);
  }
}

/** Rows with from ≤ date ≤ to (inclusive, YYYY-MM-DD). */
export function between(rows: readonly PriceRow[], from: string, to: string): PriceRow[] {
  return rows.filter((r) => r.date >= from && r.date <= to);
}
