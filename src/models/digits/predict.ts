/** Digit inference: 784 normalized pixels in, ten probabilities out. No tensor outlives a call. */
import * as tf from '@tensorflow/tfjs';
import { DIGIT_SIZE } from './constants.ts';
import { type DigitResult, toDigitResult } from './result.ts';

export async function predictDigit(model: tf.LayersModel, pixels: Float32Array): Promise<DigitResult> {
  if (pixels.length !== DIGIT_SIZE * DIGIT_SIZE) throw new Error(`expected ${DIGIT_SIZE * DIGIT_SIZE} pixels, got ${pixels.length}`);
  const output = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, DIGIT_SIZE, DIGIT_SIZE, 1])) as tf.Tensor);
  try {
    return toDigitResult(Array.from(await output.data()));
  } finally {
    output.dispose();
  }
}
