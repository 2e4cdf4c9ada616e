/**
 * npm run eval — measures every committed model package on DATA_DIR and prints one JSON object
 * per line: {"model":"digits","metric":"accuracy","value":0.99,"n":10000}. CI runs this; it never trains.
 *
 * Options: --task NAME (measure only this package; repeatable),
 *          --write (record what it printed in training/eval-results.jsonl and in each measured
 *          package's meta.json metrics, so that they say what eval says; weights are not touched).
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizePicture } from '../src/models/digits/normalize-picture.ts';
import { useNodeBackend } from '../src/runtime/node-backend.ts';
import { digitAccuracy } from './digits/evaluate.ts';
import { loadMnist } from './digits/mnist.ts';
import { PHOTO_MNIST, PHOTO_STROKES, photoCases, readPhotos } from './digits/photos.ts';
import {
  type DescribedMeasurement,
  EVAL_RESULTS_FILE,
  evalLine,
  type Measurement,
  mergeEvalResults,
  readEvalResults,
  withMeasuredMetrics,
  writeEvalResults,
} from './eval-results.ts';
import { evaluateForecast } from './forecast/evaluate.ts';
import { evaluateImages } from './images/evaluate.ts';
import { dataDir, REPO_ROOT } from './lib/data-dir.ts';
import { loadLayersModel } from './lib/model-files.ts';
import { readMeta, writeMetaAsIs } from './lib/model-package.ts';
import { evaluateText } from './text/evaluate.ts';

const evaluators: Record<string, (dir: string, data: string) => Promise<DescribedMeasurement[]>> = {
  async digits(dir, data) {
    const model = await loadLayersModel(dir);
    const test = loadMnist(data, 't10k');
    const value = digitAccuracy(model, test);
    // Generated phone-like photos (e2e/fixtures/digit-photos.ts), read through the page's picture steps.
    const photos = readPhotos(model, photoCases(PHOTO_STROKES, PHOTO_MNIST, test), (image) => normalizePicture(image)?.input ?? null);
    model.dispose();
    return [
      { model: 'digits', metric: 'accuracy', value: Number(value.toFixed(4)), n: test.count },
      {
        model: 'digits',
        metric: 'accuracy_photos',
        value: Number((photos.correct / photos.n).toFixed(4)),
        n: photos.n,
        data:
          'phone-like photos generated from the e2e stroke digits and MNIST t10k ' +
          "digits (e2e/fixtures/digit-photos.ts), through the page's picture steps",
      },
    ];
  },
  images: (dir, data) => evaluateImages(dir, data),
  text: (dir, data) => evaluateText(dir, data),
  forecast: (_dir, data) => evaluateForecast(data),
};

const { values: args } = parseArgs({ options: { task: { type: 'string', multiple: true }, write: { type: 'boolean', default: false } } });
const tasks = args.task ?? Object.keys(evaluators);
const unknown = tasks.filter((t) => !(t in evaluators));
if (unknown.length) throw new Error(`--task wants one of ${Object.keys(evaluators).join(', ')}; got ${unknown.join(', ')}`);

async function main() {
  await useNodeBackend('wasm');
  const data = dataDir();
  const printed: Measurement[] = [];
  for (const task of tasks) {
    const dir = path.join(REPO_ROOT, 'public/models', task);
    if (!existsSync(path.join(dir, 'model.json'))) {
      console.error(`${task}: no model package in ${dir}; skipped`);
      continue;
    }
    const measured = await evaluators[task](dir, data);
    for (const m of measured) console.log(evalLine(m));
    printed.push(...measured);
    if (args.write) writeMetaAsIs(dir, withMeasuredMetrics(readMeta(dir), measured));
  }
  if (args.write) writeEvalResults(mergeEvalResults(existsSync(EVAL_RESULTS_FILE) ? readEvalResults() : [], printed));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
