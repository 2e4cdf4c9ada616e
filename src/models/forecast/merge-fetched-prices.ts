/**
 * "Update to today": fetched days join the stored history by date. The stored prices always win
 * where both have a day (they are what the model and the visitor have seen); a fetched close more
 * than 1% away from the stored one is reported, so a disagreement between sources is not silent.
 */
import { isIsoDate } from './dates.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { PriceSourceError, quote } from './price-source-error.ts';

export const OVERLAP_TOLERANCE = 0.01;

export interface Disagreement {
  date: string;
  stored: number;
  fetched: number;
}

export interface FetchedMerge {
  /** One row per date, oldest first. */
  rows: PriceRow[];
  /** The fetched dates the history did not have, oldest first. */
  addedDates: string[];
  /** Shared days whose closes differ by more than the tolerance (the stored close was kept). */
  disagreements: Disagreement[];
}

export function mergeFetchedPrices(stored: readonly PriceRow[], fetched: readonly PriceRow[], tolerance = OVERLAP_TOLERANCE): FetchedMerge {
  const byDate = new Map(stored.map((r) => [r.date, r] as const));
  const added = new Map<string, PriceRow>();
  const disagreements: Disagreement[] = [];
  for (const row of fetched) {
    if (typeof row !== 'object' || row === null || typeof row.date !== 'string' || !isIsoDate(row.date)) {
      throw new PriceSourceError(`A fetched day has no valid date (${quote(row)}).`);
    }
    if (typeof row.close !== 'number' || !(row.close > 0) || !Number.isFinite(row.close)) {
      throw new PriceSourceError(`The fetched close for ${row.date} is ${quote(row.close)}: not a positive price.`);
    }
    const mine = byDate.get(row.date);
    if (mine) {
      if (Math.abs(row.close - mine.close) > tolerance * mine.close)
        disagreements.push({ date: row.date, stored: mine.close, fetched: row.close });
      continue;
    }
    added.set(row.date, { date: row.date, close: row.close }); // a repeated fetched day: the last one counts
  }
  const byOrder = (a: PriceRow, b: PriceRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const rows = [...byDate.values(), ...added.values()].sort(byOrder);
  return { rows, addedDates: [...added.keys()].sort(), disagreements };
}
