import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLayersModel } from '../../../training/lib/model-files.ts';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { classifyPixels } from './classify.ts';
import { createImageModel, IMAGE_LABELS, IMAGE_PREPROCESSING, IMAGE_SIZE } from './model.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

/** A 37×53 RGBA test card: gradients and a square, so resizing has work to do. */
function testCard(width = 53, height = 37) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inSquare = x > 10 && x < 30 && y > 8 && y < 25;
      data.set([(x * 255) / width, (y * 255) / height, inSquare ? 255 : 40, 255], i);
    }
  }
  return { data, width, height, channels: 4 as const };
}

describe('classifyPixels', () => {
  it('returns one probability per label, summing to 1, and names the top one', async () => {
    const model = createImageModel();
    const result = await classifyPixels(model, testCard(), [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS);
    expect(result.labels).toEqual(['cat', 'coffee']);
    expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.label).toBe(result.labels[result.probabilities[0] >= result.probabilities[1] ? 0 : 1]);
    model.dispose();
  });

  it('leaks no tensors over 50 classifications, with every preprocessing', async () => {
    const model = createImageModel();
    const card = testCard();
    await classifyPixels(model, card, [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      const mode = (['caffe', 'tf', 'raw'] as const)[i % 3];
      const interpolation = i % 2 ? 'nearest' : 'bilinear';
      await classifyPixels(model, card, [IMAGE_SIZE, IMAGE_SIZE], { mode, interpolation }, IMAGE_LABELS);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('rejects malformed pixels without leaking', async () => {
    const model = createImageModel();
    const before = tf.memory().numTensors;
    const broken = { data: new Uint8Array(10), width: 5, height: 5, channels: 4 as const };
    await expect(classifyPixels(model, broken, [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS)).rejects.toThrow(/needs 100/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

const packageDir = path.resolve('public/models/images');
describe.runIf(existsSync(path.join(packageDir, 'model.json')))('the committed images package', () => {
  it('loads and classifies with the preprocessing its meta.json names', async () => {
    const model = await loadLayersModel(packageDir);
    expect(model.inputs[0].shape).toEqual([null, IMAGE_SIZE, IMAGE_SIZE, 3]);
    const result = await classifyPixels(model, testCard(640, 480), [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS);
    expect(result.probabilities).toHaveLength(2);
    model.dispose();
  });
});
