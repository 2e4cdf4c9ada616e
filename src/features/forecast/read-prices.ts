/**
 * A dropped, picked, pasted or fetched price file, checked before it replaces anything: it must
 * be text, a Yahoo-format CSV (parse-yahoo-csv.ts names the bad line) and hold two weeks of prices.
 * It runs in the prices worker (prices.worker.ts): parsing ten years of prices blocked a 4x slowed
 * page for over 100 ms.
 */
import { PERIOD_LENGTH } from '../../models/forecast/constants.ts';
import { MIN_TRAINING_WEEKS } from '../../models/forecast/formulation.ts';
import { type ParsedPrices, parseYahooCsv } from '../../models/forecast/parse-yahoo-csv.ts';
import { MAX_PRICE_FILE_BYTES } from '../../runtime/settings.ts';

export const MIN_DAYS = MIN_TRAINING_WEEKS * PERIOD_LENGTH;
/** Ten years of daily prices are ~250 kB; anything past this is not a price export (runtime/settings.ts). */
export const MAX_BYTES = MAX_PRICE_FILE_BYTES;

export function readPrices(text: string): ParsedPrices {
  // NUL bytes and undecodable bytes mean a picture, a spreadsheet, a zip: not a CSV.
  const head = text.slice(0, 4096);
  if (head.includes('\u0000') || (head.match(/\uFFFD/g)?.length ?? 0) > 2) {
    throw new Error('This is not a text file: expected a CSV export of daily prices (Date,Open,High,Low,Close,Adj Close,Volume).');
  }
  const parsed = parseYahooCsv(text);
  const { rows } = parsed;
  if (rows.length < MIN_DAYS) {
    throw new Error(
      `Only ${rows.length} ${rows.length === 1 ? 'day' : 'days'} of prices (${rows[0].date} … ${rows[rows.length - 1].date}): ` +
        `forecasting and training need at least ${MIN_DAYS} days (two weeks).`,
    );
  }
  return parsed;
}

export async function readPriceFile(file: File): Promise<ParsedPrices> {
  if (file.size > MAX_BYTES)
    throw new Error(
      `${file.name} is ${(file.size / 1e6).toFixed(0)} MB: too big for a daily price export (at most ${MAX_BYTES / 1e6} MB).`,
    );
  if (file.size === 0)
    throw new Error(`${file.name} is empty: expected a header line like Date,Open,High,Low,Close,Adj Close,Volume, then one line per day.`);
  return readPrices(await file.text());
}
