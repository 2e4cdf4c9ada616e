/** Exports the trained images model as a package (float16 weights) in `dir` and measures the exported copy. */
import type * as tf from '@tensorflow/tfjs';
import { IMAGE_LABELS, IMAGE_PREPROCESSING, IMAGE_SIZE } from '../../src/models/images/model';
import type { ImagesMeta } from '../../src/models/images/images-meta';
import { loadLayersModel, saveLayersModel } from '../lib/model-files';
import { writeMeta } from '../lib/model-package';
import type { CatCoffeeSet } from './cat-coffee';
import { validationAccuracy } from './evaluate';
import { stratifiedSplit, VALIDATION_FRACTION, SPLIT_SEED } from './split';

export async function exportImagesPackage(model: tf.LayersModel, set: CatCoffeeSet, dir: string, training: { command: string } & Record<string, unknown>): Promise<number> {
  if (set.classes.join() !== IMAGE_LABELS.join()) throw new Error(`expected classes ${IMAGE_LABELS.join(', ')}, found ${set.classes.join(', ')}`);
  const { modelJson, shards } = await saveLayersModel(model, dir, 'float16');
  const exported = await loadLayersModel(dir);
  const accuracy = validationAccuracy(exported, set, IMAGE_PREPROCESSING);
  exported.dispose();
  const { train, validation } = stratifiedSplit(set.labels);
  const meta: Omit<ImagesMeta, 'files'> = {
    task: 'images',
    version: '1.0.0',
    format: 'tfjs-layers',
    inputShape: [IMAGE_SIZE, IMAGE_SIZE, 3],
    labels: [...IMAGE_LABELS],
    weights: 'float16',
    preprocessing: IMAGE_PREPROCESSING,
    training: {
      data: `DATA_DIR/cat-coffee: ${train.length} of ${set.count} images (stratified, ${VALIDATION_FRACTION * 100}% held out, seed ${SPLIT_SEED}), decoded with PIL, augmented with crops, flips, colour jitter`,
      ...training,
    },
    metrics: [{ metric: 'accuracy', value: accuracy, n: validation.length, data: `DATA_DIR/cat-coffee validation split (${validation.length} images)` }],
  };
  const written = writeMeta(dir, meta, [modelJson, ...shards]);
  console.log(`exported ${dir}: ${written.files.reduce((s, f) => s + f.bytes, 0)} bytes, validation accuracy ${accuracy}`);
  return accuracy;
}
