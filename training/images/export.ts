/** Exports the trained images model to public/models/images/ (float16 weights) and measures the exported copy. */
import type * as tf from '@tensorflow/tfjs';
import { IMAGE_LABELS, IMAGE_PREPROCESSING, IMAGE_SIZE } from '../../src/models/images/model';
import type { ImagesMeta } from '../../src/models/images/images-meta';
import { loadLayersModel, saveLayersModel } from '../lib/model-files';
import { writeMeta } from '../lib/model-package';
import type { CatCoffeeSet } from './cat-coffee';
import { IMAGES_PACKAGE_DIR, validationAccuracy } from './evaluate';
import { stratifiedSplit, VALIDATION_FRACTION, SPLIT_SEED } from './split';

export async function exportImagesPackage(model: tf.LayersModel, set: CatCoffeeSet, training: Record<string, unknown>): Promise<number> {
  if (set.classes.join() !== IMAGE_LABELS.join()) throw new Error(`expected classes ${IMAGE_LABELS.join(', ')}, found ${set.classes.join(', ')}`);
  const { modelJson, shards } = await saveLayersModel(model, IMAGES_PACKAGE_DIR, 'float16');
  const exported = await loadLayersModel(IMAGES_PACKAGE_DIR);
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
      command: 'npm run train:images',
      data: `DATA_DIR/cat-coffee: ${train.length} of ${set.count} images (stratified, ${VALIDATION_FRACTION * 100}% held out, seed ${SPLIT_SEED}), decoded with PIL, augmented with crops, flips, colour jitter`,
      ...training,
    },
    metrics: [{ metric: 'accuracy', value: accuracy, n: validation.length, data: `DATA_DIR/cat-coffee validation split (${validation.length} images)` }],
  };
  const written = writeMeta(IMAGES_PACKAGE_DIR, meta, [modelJson, ...shards]);
  console.log(`exported ${IMAGES_PACKAGE_DIR}: ${written.files.reduce((s, f) => s + f.bytes, 0)} bytes, validation accuracy ${accuracy}`);
  return accuracy;
}
