/** MNIST from DATA_DIR/mnist as uint8 images (0 = background, 255 = ink) and labels. */
import path from 'node:path';
import { readIdx } from '../lib/idx.ts';

export interface DigitSet {
  images: Uint8Array; // count × 28 × 28
  labels: Uint8Array;
  count: number;
}

export function loadMnist(dataDir: string, split: 'train' | 't10k'): DigitSet {
  const images = readIdx(path.join(dataDir, 'mnist', `${split}-images-idx3-ubyte.gz`));
  const labels = readIdx(path.join(dataDir, 'mnist', `${split}-labels-idx1-ubyte.gz`));
  const count = images.shape[0];
  if (labels.shape[0] !== count || images.shape[1] !== 28 || images.shape[2] !== 28) {
    throw new Error(`MNIST ${split}: unexpected shapes ${images.shape} / ${labels.shape}`);
  }
  return { images: images.data, labels: labels.data, count };
}
