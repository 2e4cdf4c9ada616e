/** The Forecast page's default history: DATA_DIR's recent Bitcoin prices, when DATA_DIR has them. */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

export const FORECAST_SAMPLE = 'forecast/BTC-USD-recent.csv';

export function writeForecastSamples(dataDir: string, samplesDir: string): string | null {
  const source = path.join(dataDir, 'btc/BTC-USD-recent.csv');
  const target = path.join(samplesDir, FORECAST_SAMPLE);
  if (!existsSync(source)) {
    rmSync(target, { force: true }); // never serve a stale copy
    return null;
  }
  copyFileSync(source, target);
  return target;
}
