/**
 * Resumable training: after every epoch the model, the optimizer's state and a small JSON state
 * are written to one folder, swapped in atomically, so a killed run resumes at the last whole epoch.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLayersModel, saveLayersModel } from './model-files';

export interface Checkpoint<State> {
  model: tf.LayersModel;
  state: State;
}

export async function saveCheckpoint<State>(dir: string, model: tf.LayersModel, optimizer: tf.Optimizer, state: State): Promise<void> {
  const optimizerWeights = await optimizer.getWeights();
  const tensors = optimizerWeights.map((w) => ({ name: w.name, shape: w.tensor.shape, values: Array.from(w.tensor.dataSync()) }));
  await saveLayersModel(model, dir, 'float32', {
    'optimizer.json': JSON.stringify(tensors),
    'state.json': JSON.stringify(state, null, 1),
  });
}

export async function loadCheckpoint<State>(dir: string, optimizer: tf.Optimizer): Promise<Checkpoint<State> | null> {
  if (!existsSync(path.join(dir, 'state.json'))) return null;
  const model = await loadLayersModel(dir);
  const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as State;
  const optimizerFile = path.join(dir, 'optimizer.json');
  if (existsSync(optimizerFile)) {
    const saved = JSON.parse(readFileSync(optimizerFile, 'utf8')) as Array<{ name: string; shape: number[]; values: number[] }>;
    await optimizer.setWeights(saved.map((w) => ({ name: w.name, tensor: tf.tensor(w.values, w.shape) })));
  }
  return { model, state };
}
