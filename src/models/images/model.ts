/**
 * The cat-or-coffee classifier: a small VGG-style network (stacks of 3×3 convolutions and 2×2
 * max-pools, as VGG16, with batch normalisation so it trains from scratch on 800 images), for 64×64
 * inputs preprocessed as Keras's VGG16 ("caffe": BGR, ImageNet means subtracted).
 * Shared by the Node training script and the browser worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { InputMode } from './input-normalization.ts';
import type { Interpolation } from './vgg16-preprocess.ts';

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

/** Layer names of an ensemble's member m (0-based) start with this. */
export const memberPrefix = (m: number) => `member${m + 1}_`;

/** One network's layers in order, from the first convolution to the softmax; named `prefix…` if given. */
function vggLayers(blockFilters: readonly number[], seed: number, prefix?: string): tf.layers.Layer[] {
  let n = seed;
  const layers: tf.layers.Layer[] = [];
  const counts = new Map<string, number>();
  const named = (kind: string) => {
    if (!prefix) return {};
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return { name: `${prefix}${kind}${counts.get(kind)}` }; // member1_conv1, member1_batchnorm1, …
  };
  for (const filters of blockFilters) {
    for (let i = 0; i < 2; i++) {
      // Bias-free: batch normalisation's offset plays that role.
      layers.push(
        tf.layers.conv2d({
          filters,
          kernelSize: 3,
          padding: 'same',
          useBias: false,
          kernelInitializer: tf.initializers.heNormal({ seed: n++ }),
          ...named('conv'),
        }),
      );
      layers.push(tf.layers.batchNormalization(named('batchnorm')));
      layers.push(tf.layers.activation({ activation: 'relu', ...named('relu') }));
    }
    layers.push(tf.layers.maxPooling2d({ poolSize: 2, ...named('pool') }));
  }
  // Global average pooling instead of VGG's large dense layers: a few kilobytes instead of 100+ MB.
  layers.push(tf.layers.globalAveragePooling2d(named('average_pool')));
  layers.push(tf.layers.dropout({ rate: 0.3, seed: n++, ...named('dropout') }));
  layers.push(
    tf.layers.dense({
      units: IMAGE_LABELS.length,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: n++ }),
      ...named('probabilities'),
    }),
  );
  return layers;
}

export function createImageModel(seed = 7, blockFilters: readonly number[] = BLOCK_FILTERS): tf.LayersModel {
  const model = tf.sequential({ name: 'cat_coffee_vgg' });
  model.add(tf.layers.inputLayer({ inputShape: [IMAGE_SIZE, IMAGE_SIZE, 3] }));
  for (const layer of vggLayers(blockFilters, seed)) model.add(layer);
  return model;
}

/**
 * Several networks as one model: each member reads the same image and their class probabilities
 * are averaged. It is still one model.json, so the app loads it like a single network. Member m's
 * layers are named memberPrefix(m)…, so separately trained weights can be copied in
 * (training/images/ensemble.ts).
 */
export function createImageEnsemble(memberBlockFilters: ReadonlyArray<readonly number[]>, seed = 7): tf.LayersModel {
  const input = tf.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, 3], name: 'image' });
  const outputs = memberBlockFilters.map((filters, m) =>
    vggLayers(filters, seed + 100 * m, memberPrefix(m)).reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, input),
  );
  const averaged = outputs.length === 1 ? outputs[0] : (tf.layers.average({ name: 'average' }).apply(outputs) as tf.SymbolicTensor);
  return tf.model({ inputs: input, outputs: averaged, name: 'cat_coffee_vgg_ensemble' });
}
