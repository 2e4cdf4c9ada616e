/** Exports the trained digit model to public/models/digits/ (float16 weights) and measures the exported copy. */

import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { DIGIT_SIZE } from '../../src/models/digits/model.ts';
import { REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel, saveLayersModel } from '../lib/model-files.ts';
import { writeMeta } from '../lib/model-package.ts';
import { digitAccuracy } from './evaluate.ts';
import type { DigitSet } from './mnist.ts';

export const DIGITS_PACKAGE_DIR = path.join(REPO_ROOT, 'public/models/digits');

export async function exportDigitPackage(model: tf.LayersModel, test: DigitSet, training: Record<string, unknown>): Promise<number> {
  const { modelJson, shards } = await saveLayersModel(model, DIGITS_PACKAGE_DIR, 'float16');
  const exported = await loadLayersModel(DIGITS_PACKAGE_DIR);
  const accuracy = digitAccuracy(exported, test);
  exported.dispose();
  const meta = writeMeta(
    DIGITS_PACKAGE_DIR,
    {
      task: 'digits',
      version: '1.0.0',
      format: 'tfjs-layers',
      inputShape: [DIGIT_SIZE, DIGIT_SIZE, 1],
      labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      weights: 'float16',
      training: {
        command: 'npm run train:digits',
        data: 'DATA_DIR/mnist: train-images/labels (60,000), augmented with shifts, rotations, scaling, stroke thickness',
        ...training,
      },
      metrics: [{ metric: 'accuracy', value: accuracy, n: test.count, data: 'DATA_DIR/mnist t10k (10,000)' }],
    },
    [modelJson, ...shards],
  );
  console.log(`exported ${DIGITS_PACKAGE_DIR}: ${meta.files.reduce((s, f) => s + f.bytes, 0)} bytes, accuracy ${accuracy}`);
  return accuracy;
}
