/**
 * Classifies decoded pixels with a layers model: Keras-exact preprocessing (./vgg16-preprocess.ts),
 * one forward pass inside tf.tidy, probabilities out. No tensor outlives a call.
 */
import * as tf from '@tensorflow/tfjs';
import type { TargetSize } from './pil-resize.ts';
import type { PixelSource } from './pixels.ts';
import { toProbabilities } from './probabilities.ts';
import { type PreprocessOptions, preprocessVgg16 } from './vgg16-preprocess.ts';

export interface ImageClassification {
  /** The top label. */
  label: string;
  labels: string[];
  probabilities: number[];
}

/** Anything with a forward pass: a layers model, or a bring-your-own graph model's wrapper. */
export interface Predictor {
  predict(x: tf.Tensor4D): tf.Tensor | tf.Tensor[];
}

export async function classifyPixels(
  model: Predictor,
  pixels: PixelSource,
  size: TargetSize,
  preprocessing: PreprocessOptions,
  labels: readonly string[],
): Promise<ImageClassification> {
  const input = preprocessVgg16(pixels, size, preprocessing);
  const output = tf.tidy(() => {
    const y = model.predict(tf.tensor4d(input, [1, size[0], size[1], 3]));
    return Array.isArray(y) ? y[0] : y;
  });
  let values: Float32Array;
  try {
    values = (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
  const probabilities = toProbabilities(values);
  const names = Array.from({ length: probabilities.length }, (_, i) => labels[i] ?? `class ${i}`);
  let best = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[best]) best = i;
  });
  return { label: names[best], labels: names, probabilities };
}
