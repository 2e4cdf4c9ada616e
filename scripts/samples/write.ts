/**
 * `npm run samples`: writes the sample data the app shows (the default Bitcoin history, held-out
 * abstracts for "random") from DATA_DIR into public/samples/, which is committed and served as it is.
 * Run it again when the data or the text split changes; the build itself never reads DATA_DIR.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataDir, REPO_ROOT } from '../../training/lib/data-dir.ts';
import { FORECAST_SAMPLE, writeForecastSamples } from './forecast.ts';
import { TEXT_SAMPLE, writeTextSamples } from './text.ts';

const samplesDir = path.join(REPO_ROOT, 'public', 'samples');
const data = dataDir();
for (const [name, file, write] of [
  ['forecast', FORECAST_SAMPLE, writeForecastSamples],
  ['text', TEXT_SAMPLE, writeTextSamples],
] as const) {
  mkdirSync(path.dirname(path.join(samplesDir, file)), { recursive: true });
  const written = write(data, samplesDir);
  if (!written) throw new Error(`No source for the ${name} sample in ${data}.`);
  console.log(`${name}: public/samples/${file}, ${statSync(written).size} bytes`);
}
