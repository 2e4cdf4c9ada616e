/**
 * Resumable training: after every epoch (or every N steps) the model, the optimizer's state and a
 * small JSON state are written to one folder, swapped in atomically, so a killed run resumes at the
 * last save.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadLayersModel, saveLayersModel } from './model-files.ts';

export interface Checkpoint<State> {
  model: tf.LayersModel;
  state: State;
}

/** `extraFiles` ride along in the same atomic swap (e.g. a running weight average). */
export async function saveCheckpoint<State>(
  dir: string,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  state: State,
  extraFiles: Record<string, Uint8Array> = {},
): Promise<void> {
  // Optimizer state (Adam's moments: twice the model's size) as raw float32 plus a small index.
  const optimizerWeights = await optimizer.getWeights();
  const index = optimizerWeights.map((w) => ({ name: w.name, shape: w.tensor.shape }));
  const values = new Float32Array(optimizerWeights.reduce((n, w) => n + w.tensor.size, 0));
  let offset = 0;
  for (const w of optimizerWeights) {
    values.set(w.tensor.dataSync() as Float32Array, offset);
    offset += w.tensor.size;
  }
  await saveLayersModel(model, dir, 'float32', {
    'optimizer.json': JSON.stringify(index),
    'optimizer.bin': new Uint8Array(values.buffer),
    'state.json': JSON.stringify(state, null, 1),
    ...extraFiles,
  });
}

export async function loadCheckpoint<State>(dir: string, optimizer: tf.Optimizer): Promise<Checkpoint<State> | null> {
  if (!existsSync(path.join(dir, 'state.json'))) return null;
  const model = await loadLayersModel(dir);
  const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as State;
  const indexFile = path.join(dir, 'optimizer.json');
  const valuesFile = path.join(dir, 'optimizer.bin');
  if (existsSync(indexFile) && existsSync(valuesFile)) {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Array<{ name: string; shape: number[] }>;
    const raw = readFileSync(valuesFile);
    const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    let offset = 0;
    await optimizer.setWeights(
      index.map((w) => {
        const size = w.shape.reduce((a, b) => a * b, 1);
        const tensor = tf.tensor(values.subarray(offset, offset + size), w.shape);
        offset += size;
        return { name: w.name, tensor };
      }),
    );
  }
  return { model, state };
}
