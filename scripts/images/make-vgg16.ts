/**
 * Builds the full Keras VGG16 topology (224×224×3 input, 13 convolutions in 5 blocks, fc1/fc2 of 4096,
 * 1000-way softmax: 138 M parameters) with random weights, and saves it as a tfjs layers model with
 * float16 weights (277 MB instead of 553 MB) for the bring-your-own-model tests and the benchmark.
 * The layer names follow keras.applications.VGG16, as tensorflowjs_converter would write them.
 *
 * Run: npx tsx scripts/images/make-vgg16.ts [outDir]   (default training/checkpoints/vgg16, git-ignored)
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { REPO_ROOT } from '../../training/lib/data-dir.ts';
import { saveLayersModel } from '../../training/lib/model-files.ts';

export const VGG16_DIR = path.join(REPO_ROOT, 'training/checkpoints/vgg16');

export function createVgg16(seed = 16): tf.LayersModel {
  let n = seed;
  const model = tf.sequential({ name: 'vgg16' });
  model.add(tf.layers.inputLayer({ inputShape: [224, 224, 3], name: 'input_1' }));
  const blocks: Array<[number, number]> = [
    [64, 2],
    [128, 2],
    [256, 3],
    [512, 3],
    [512, 3],
  ];
  blocks.forEach(([filters, convs], b) => {
    for (let c = 1; c <= convs; c++) {
      model.add(
        tf.layers.conv2d({
          name: `block${b + 1}_conv${c}`,
          filters,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
          // He-scaled so activations keep their size through 13 ReLU layers and the softmax is not one-hot.
          kernelInitializer: tf.initializers.varianceScaling({ scale: 2 / 128 ** 2, mode: 'fanIn', distribution: 'normal', seed: n++ }),
        }),
      );
    }
    model.add(tf.layers.maxPooling2d({ name: `block${b + 1}_pool`, poolSize: 2, strides: 2 }));
  });
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'fc1', units: 4096, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: n++ }) }));
  model.add(tf.layers.dense({ name: 'fc2', units: 4096, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: n++ }) }));
  model.add(
    tf.layers.dense({
      name: 'predictions',
      units: 1000,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: n++ }),
    }),
  );
  return model;
}

export async function makeVgg16(outDir = VGG16_DIR): Promise<string> {
  await useNodeBackend('wasm');
  const model = createVgg16();
  const saved = await saveLayersModel(model, outDir, 'float16');
  console.log(`VGG16: ${model.countParams()} parameters → ${outDir} (model.json + ${saved.shards.length} float16 shards)`);
  model.dispose();
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'scripts/images/make-vgg16.ts')) {
  const out = process.argv[2] ?? VGG16_DIR;
  if (existsSync(path.join(out, 'model.json')) && !process.argv.includes('--force')) {
    console.log(`${out}/model.json exists; pass --force to rebuild`);
  } else {
    makeVgg16(out).catch((err) => {
      console.error(err);
      process.exit(1);
    });
  }
}
