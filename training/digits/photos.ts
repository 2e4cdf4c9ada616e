/**
 * The generated photo set (e2e/fixtures/digit-photos.ts) read by a digit model: the stroke digits,
 * plus MNIST test digits redrawn as pen strokes when the data is there. Used by `npm run eval`
 * (accuracy_photos) and scripts/digits/photo-accuracy.ts (before/after).
 */
import * as tf from '@tensorflow/tfjs';
import { mnistPhotoCases, type PhotoCase, renderPhoto, strokePhotoCases } from '../../e2e/fixtures/digit-photos.ts';
import type { RgbaImage } from '../../src/models/digits/normalize.ts';
import type { DigitSet } from './mnist.ts';

export const PHOTO_SEED = 21;
/** The eval set: 200 photos of the e2e stroke digits and 200 of MNIST test digits. */
export const PHOTO_STROKES = 200;
export const PHOTO_MNIST = 200;

/** `strokes` stroke-digit photos, then the first `mnist` MNIST test digits as photos. */
export function photoCases(strokes: number, mnist = 0, test?: DigitSet): PhotoCase[] {
  const cases = strokePhotoCases(strokes, PHOTO_SEED);
  if (test && mnist > 0) {
    const digits = Array.from({ length: Math.min(mnist, test.count) }, (_, i) => ({
      label: test.labels[i],
      pixels: test.images.subarray(i * 784, (i + 1) * 784),
    }));
    cases.push(...mnistPhotoCases(digits, PHOTO_SEED + 1));
  }
  return cases;
}

export interface PhotoReading {
  n: number;
  found: number; // a digit was found (the normalizer did not give up)
  correct: number;
}

/** Renders each case, normalizes it with `normalize`, and counts the model's right answers. */
export function readPhotos(model: tf.LayersModel, cases: PhotoCase[], normalize: (image: RgbaImage) => Float32Array | null): PhotoReading {
  const reading: PhotoReading = { n: cases.length, found: 0, correct: 0 };
  for (const c of cases) {
    const photo = renderPhoto(c.shape, c.style, c.seed);
    const input = normalize({ data: photo.rgba, width: photo.width, height: photo.height });
    if (!input) continue;
    reading.found++;
    const digit = tf.tidy(() => (model.predict(tf.tensor4d(input, [1, 28, 28, 1])) as tf.Tensor).argMax(-1).dataSync()[0]);
    if (digit === c.shape.label) reading.correct++;
  }
  return reading;
}
