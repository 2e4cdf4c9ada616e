/**
 * Sample data the app shows (default Bitcoin prices, abstracts for "random") comes from DATA_DIR,
 * which is never committed: each build writes it into public/samples/ (git-ignored, not precached;
 * cached once used). Without DATA_DIR the pages start empty and say what to provide.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { dataDir } from '../training/lib/data-dir.ts';
import { writeForecastSamples, FORECAST_SAMPLE } from './samples/forecast.ts';
import { writeTextSamples, TEXT_SAMPLE } from './samples/text.ts';

export function sampleData(publicDir: string): Plugin {
  return {
    name: 'tabml-sample-data',
    buildStart() {
      const samplesDir = path.join(publicDir, 'samples');
      for (const sample of [FORECAST_SAMPLE, TEXT_SAMPLE]) mkdirSync(path.dirname(path.join(samplesDir, sample)), { recursive: true });
      let data: string;
      try {
        data = dataDir();
      } catch {
        this.info('no DATA_DIR: the build has no sample data');
        return;
      }
      for (const [name, write] of [['forecast', writeForecastSamples], ['text', writeTextSamples]] as const) {
        const written = write(data, samplesDir);
        this.info(written ? `${name} sample: ${path.relative(publicDir, written)}` : `${name} sample: none (no source in ${data})`);
      }
    },
  };
}
