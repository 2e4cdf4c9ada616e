/**
 * npm run eval — measures every committed model package on DATA_DIR and prints one JSON object
 * per line: {"model":"digits","metric":"accuracy","value":0.99,"n":10000}. CI runs this; it never trains.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { normalizePicture } from '../src/models/digits/normalize-picture.ts';
import { useNodeBackend } from '../src/runtime/node-backend.ts';
import { digitAccuracy } from './digits/evaluate.ts';
import { loadMnist } from './digits/mnist.ts';
import { PHOTO_MNIST, PHOTO_STROKES, photoCases, readPhotos } from './digits/photos.ts';
import { evaluateForecast } from './forecast/evaluate.ts';
import { evaluateImages } from './images/evaluate.ts';
import { dataDir, REPO_ROOT } from './lib/data-dir.ts';
import { loadLayersModel } from './lib/model-files.ts';
import { evaluateText } from './text/eval.ts';

interface Measurement {
  model: string;
  metric: string;
  value: number;
  n: number;
}

const evaluators: Record<string, (dir: string, data: string) => Promise<Measurement[]>> = {
  async digits(dir, data) {
    const model = await loadLayersModel(dir);
    const test = loadMnist(data, 't10k');
    const value = digitAccuracy(model, test);
    // Generated phone-like photos (e2e/fixtures/digit-photos.ts), read through the page's picture steps.
    const photos = readPhotos(model, photoCases(PHOTO_STROKES, PHOTO_MNIST, test), (image) => normalizePicture(image)?.input ?? null);
    model.dispose();
    return [
      { model: 'digits', metric: 'accuracy', value: Number(value.toFixed(4)), n: test.count },
      { model: 'digits', metric: 'accuracy_photos', value: Number((photos.correct / photos.n).toFixed(4)), n: photos.n },
    ];
  },
  images: (dir, data) => evaluateImages(dir, data),
  text: (dir, data) => evaluateText(dir, data),
  forecast: (_dir, data) => evaluateForecast(data),
};

async function main() {
  await useNodeBackend('wasm');
  const data = dataDir();
  for (const [task, evaluate] of Object.entries(evaluators)) {
    const dir = path.join(REPO_ROOT, 'public/models', task);
    if (!existsSync(path.join(dir, 'model.json'))) {
      console.error(`${task}: no model package in ${dir}; skipped`);
      continue;
    }
    for (const m of await evaluate(dir, data)) console.log(JSON.stringify(m));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
