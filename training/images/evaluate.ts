/**
 * Validation accuracy of an images model package on the fixed stratified split of
 * DATA_DIR/cat-coffee (the 20% that training never sees).
 *
 * Run: npx tsx training/images/evaluate.ts [modelDir]   (default public/models/images)
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { normalizeInput } from '../../src/models/images/input-normalization.ts';
import type { ImagePreprocessing } from '../../src/models/images/model.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { readMeta } from '../lib/model-package.ts';
import { type CatCoffeeSet, loadCatCoffee } from './cat-coffee.ts';
import { stratifiedSplit } from './split.ts';

export const IMAGES_PACKAGE_DIR = path.join(REPO_ROOT, 'public/models/images');

/** The given images, unaugmented, as the model reads them (caffe/tf/raw): one [n, size, size, 3] batch of float32. */
export function modelInputs(set: CatCoffeeSet, indices: number[], preprocessing: ImagePreprocessing): Float32Array {
  const pixelsPerImage = set.size * set.size * 3;
  const out = new Float32Array(indices.length * pixelsPerImage);
  indices.forEach((k, i) => {
    const image = {
      data: set.pixels.subarray(k * pixelsPerImage, (k + 1) * pixelsPerImage),
      width: set.size,
      height: set.size,
      channels: 3,
    };
    out.set(normalizeInput(image, preprocessing.mode), i * pixelsPerImage);
  });
  return out;
}

export interface ValidationScores {
  /** Share of validation images whose top label is right. */
  accuracy: number;
  /** Mean −ln p(true label), p clipped at 1e-7 as Keras does: finer-grained than accuracy on 200 images. */
  logLoss: number;
}

/** How `model` (probabilities out) does on the validation images. */
export function validationScores(
  model: tf.LayersModel,
  set: CatCoffeeSet,
  preprocessing: ImagePreprocessing,
  batch = 50,
): ValidationScores {
  const { validation } = stratifiedSplit(set.labels);
  let correct = 0;
  let nats = 0;
  for (let start = 0; start < validation.length; start += batch) {
    const indices = validation.slice(start, start + batch);
    const x = modelInputs(set, indices, preprocessing);
    const probabilities = tf.tidy(() => model.predict(tf.tensor4d(x, [indices.length, set.size, set.size, 3])) as tf.Tensor2D);
    const rows = probabilities.arraySync();
    probabilities.dispose();
    indices.forEach((k, i) => {
      const row = rows[i];
      const truth = set.labels[k];
      if (row.indexOf(Math.max(...row)) === truth) correct++;
      nats -= Math.log(Math.min(1, Math.max(1e-7, row[truth])));
    });
  }
  return { accuracy: correct / validation.length, logLoss: nats / validation.length };
}

export async function evaluateImages(
  modelDir: string,
  dataDirPath: string,
): Promise<Array<{ model: 'images'; metric: 'accuracy'; value: number; n: number }>> {
  await useNodeBackend('wasm');
  const meta = readMeta(modelDir) as ReturnType<typeof readMeta> & { preprocessing: ImagePreprocessing };
  const set = loadCatCoffee(dataDirPath);
  if (meta.labels && meta.labels.join() !== set.classes.join()) {
    throw new Error(`the package's labels ${meta.labels.join(', ')} differ from the data's classes ${set.classes.join(', ')}`);
  }
  const model = await loadLayersModel(modelDir);
  const value = validationScores(model, set, meta.preprocessing).accuracy;
  model.dispose();
  return [{ model: 'images', metric: 'accuracy', value, n: stratifiedSplit(set.labels).validation.length }];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  evaluateImages(process.argv[2] ?? IMAGES_PACKAGE_DIR, dataDir())
    .then((rows) => rows.forEach((r) => console.log(JSON.stringify(r))))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
