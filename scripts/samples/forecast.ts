/**
 * The Forecast page's default history: every day of DATA_DIR/btc/BTC-USD-recent.csv as Date,Close,
 * closes to the cent (the page reads it with the Yahoo parser, which needs only those two columns).
 * Full float precision (63851.1015625) would double the file for digits no forecast uses.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseYahooCsv } from '../../src/models/forecast/parse-yahoo-csv.ts';

export const FORECAST_SAMPLE = 'forecast/btc-usd-close.csv';
export const FORECAST_SOURCE = path.join('btc', 'BTC-USD-recent.csv');
/** The issue's budget for the bundled history. */
export const FORECAST_SAMPLE_MAX_BYTES = 100_000;

export function compactPrices(yahooCsv: string): string {
  const { rows, warnings } = parseYahooCsv(yahooCsv);
  if (warnings.length > 0) throw new Error(`${FORECAST_SOURCE}: ${warnings.join(' ')}`);
  return `${['Date,Close', ...rows.map((r) => `${r.date},${r.close.toFixed(2)}`)].join('\n')}\n`;
}

export function writeForecastSamples(dataDir: string, samplesDir: string): string | null {
  const source = path.join(dataDir, FORECAST_SOURCE);
  const target = path.join(samplesDir, FORECAST_SAMPLE);
  if (!existsSync(source)) {
    rmSync(target, { force: true }); // never serve a stale copy
    return null;
  }
  const csv = compactPrices(readFileSync(source, 'utf8'));
  if (csv.length > FORECAST_SAMPLE_MAX_BYTES)
    throw new Error(`${FORECAST_SAMPLE} would be ${csv.length} bytes, over its ${FORECAST_SAMPLE_MAX_BYTES}-byte budget.`);
  writeFileSync(target, csv);
  return target;
}
