/** "Fetch latest": newer prices are merged into the history, the newer file winning on a shared date. */
import type { PriceRow } from './parse-yahoo-csv.ts';

export interface MergedPrices {
  rows: PriceRow[];
  /** Dates the history did not have. */
  added: number;
}

export function mergePrices(history: readonly PriceRow[], incoming: readonly PriceRow[]): MergedPrices {
  const byDate = new Map(history.map((r) => [r.date, r] as const));
  let added = 0;
  for (const row of incoming) {
    if (!byDate.has(row.date)) added++;
    byDate.set(row.date, row);
  }
  const rows = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { rows, added };
}
