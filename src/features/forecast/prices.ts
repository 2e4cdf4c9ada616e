/** The prices the Forecast page shows, and where they came from. */
import type { PriceRow } from '../../models/forecast/parse-yahoo-csv.ts';

export interface Prices {
  rows: PriceRow[];
  /** What forecast-data-range names: 'bundled', 'bundled + Coinbase', 'your file (…)'. */
  source: string;
}

/** The history that ships with the app (public/samples/, written by npm run samples). */
export const BUNDLED = 'bundled';
