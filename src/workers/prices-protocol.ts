/**
 * The prices worker's calls (types only). Reading ten years of daily prices takes over 100 ms on a
 * slow phone; in this worker the page's thread only receives the rows.
 */
import type { ParsedPrices } from '../models/forecast/parse-yahoo-csv.ts';

export type PricesCalls = {
  /** A dropped or picked file: its size is checked, then it is read and parsed here. */
  readFile: { params: { file: File }; result: ParsedPrices; update: never };
  /** Pasted text. */
  readText: { params: { text: string }; result: ParsedPrices; update: never };
  /** The bundled history at `url`; null when it cannot be fetched (offline before the first visit). */
  readSample: { params: { url: string }; result: ParsedPrices | null; update: never };
};
