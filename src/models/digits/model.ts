/**
 * The digit recognizer: a small CNN for 28×28 grayscale digits in [0, 1].
 * Shared by the Node training script and the browser worker.
 */
import * as tf from '@tensorflow/tfjs';

import { DIGIT_CLASSES, DIGIT_SIZE } from './constants.ts';

export { DIGIT_CLASSES, DIGIT_SIZE };

export function createDigitModel(seed = 42): tf.LayersModel {
  let n = seed;
  const init = () => tf.initializers.heNormal({ seed: n++ });
  const conv = (filters: number, kernelSize = 3) =>
    tf.layers.conv2d({ filters, kernelSize, padding: 'same', activation: 'relu', kernelInitializer: init() });

  const model = tf.sequential({ name: 'digits' });
  model.add(tf.layers.inputLayer({ inputShape: [DIGIT_SIZE, DIGIT_SIZE, 1] }));
  // One wide 5×5 layer at full resolution instead of two 3×3 ones: its input has a single
  // channel, so it is cheap to train, and the 3×3 work happens at 14×14.
  model.add(conv(32, 5));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(conv(64));
  model.add(conv(64));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.3, seed: n++ }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init() }));
  model.add(tf.layers.dropout({ rate: 0.4, seed: n++ }));
  model.add(
    tf.layers.dense({ units: DIGIT_CLASSES, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: n++ }) }),
  );
  return model;
}
