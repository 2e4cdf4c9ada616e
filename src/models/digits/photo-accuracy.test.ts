/**
 * The committed model on 30 generated phone-like photos (npm run eval reads 400): before this
 * test's steps existed, today's MNIST-style normalization read 3 of them right.
 */
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { photoCases, readPhotos } from '../../../training/digits/photos.ts';
import { loadLayersModel } from '../../../training/lib/model-files.ts';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { normalizePicture } from './normalize-picture.ts';

let model: tf.LayersModel;

beforeAll(async () => {
  await useNodeBackend('wasm');
  model = await loadLayersModel(path.resolve('public/models/digits'));
});

it('reads at least 25 of 30 generated phone photos right', () => {
  const reading = readPhotos(model, photoCases(30), (image) => normalizePicture(image)?.input ?? null);
  console.log(`photos read right: ${reading.correct} of ${reading.n}`);
  expect(reading.correct).toBeGreaterThanOrEqual(25);
}, 120_000);
