/**
 * The cat-or-coffee classifier: a small VGG-style network (stacks of 3×3 convolutions and 2×2
 * max-pools, as VGG16, with batch normalisation so it trains from scratch on 800 images), for 64×64
 * inputs preprocessed as Keras's VGG16 ("caffe": BGR, ImageNet means subtracted).
 * Shared by the Node training script and the browser worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { InputMode } from './input-normalization';
import type { Interpolation } from './vgg16-preprocess';

export const IMAGE_SIZE = 64;
export const IMAGE_LABELS = ['cat', 'coffee'] as const;

/** How a picture becomes the model's input; written into meta.json and read back by the app. */
export type ImagePreprocessing = { interpolation: Interpolation; mode: InputMode };

/**
 * Training images are already 64×64 (Tiny ImageNet, smoothly downsampled), so the app shrinks photos
 * with PIL's antialiased BILINEAR, which looks like them; NEAREST would alias a large photo.
 */
export const IMAGE_PREPROCESSING: ImagePreprocessing = { interpolation: 'bilinear', mode: 'caffe' };

/** Filters per VGG block; each block is two 3×3 convolutions and a 2×2 max-pool. */
export const BLOCK_FILTERS: readonly number[] = [16, 32, 64, 128];

export function createImageModel(seed = 7, blockFilters: readonly number[] = BLOCK_FILTERS): tf.LayersModel {
  let n = seed;
  const model = tf.sequential({ name: 'cat_coffee_vgg' });
  model.add(tf.layers.inputLayer({ inputShape: [IMAGE_SIZE, IMAGE_SIZE, 3] }));
  for (const filters of blockFilters) {
    for (let i = 0; i < 2; i++) {
      // Bias-free: batch normalisation's offset plays that role.
      model.add(tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: tf.initializers.heNormal({ seed: n++ }) }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({ activation: 'relu' }));
    }
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  }
  // Global average pooling instead of VGG's large dense layers: a few kilobytes instead of 100+ MB.
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dropout({ rate: 0.3, seed: n++ }));
  model.add(tf.layers.dense({ units: IMAGE_LABELS.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: n++ }) }));
  return model;
}
