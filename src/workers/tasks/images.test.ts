import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../runtime/model-registry.ts';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import type { CallContext } from '../../runtime/rpc.ts';
import type { InferenceModel } from '../inference-protocol.ts';
import { imagesHandlers as makeImagesHandlers } from './images.ts';

// The bring-your-own path needs no package and no browser backend: a registry that never downloads,
// and a guard with no WebGL context to lose.
const imagesHandlers = makeImagesHandlers({
  models: new ModelRegistry<InferenceModel>({
    fetchPackage: () => Promise.reject(new Error('no package in this test')),
    onProgress: () => {},
  }),
  guarded: (work) => work(),
});

const context: CallContext<unknown> = { signal: new AbortController().signal, update: () => {} };

beforeAll(async () => {
  await useNodeBackend('wasm');
});

async function converterLayout(model: tf.LayersModel) {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const modelJson = JSON.stringify({
    format: 'layers-model',
    modelTopology: artifacts!.modelTopology,
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: artifacts!.weightSpecs }],
  });
  return { modelJson, weights: [{ name: 'group1-shard1of1.bin', data: tf.io.CompositeArrayBuffer.join(artifacts!.weightData!) }] };
}

function photo(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4).map((_, i) => (i * 37) % 256);
  return { data, width, height, channels: 4 as const };
}

describe('bring-your-own image model in the worker', () => {
  it('loads, reads its input size, classifies with each preprocessing, and leaks no tensors', async () => {
    const model = tf.sequential();
    model.add(tf.layers.conv2d({ inputShape: [40, 30, 3], filters: 4, kernelSize: 3, activation: 'relu' }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
    const files = await converterLayout(model);
    model.dispose();

    const before = tf.memory().numTensors;
    const info = await imagesHandlers.loadCustomImageModel({ ...files, labels: ['a', 'b'] }, context);
    expect(info.inputSize).toEqual([40, 30]);
    expect(info.labels).toEqual(['a', 'b', 'class 2']);
    const loaded = tf.memory().numTensors;
    for (const mode of ['caffe', 'tf', 'raw'] as const) {
      const answer = await imagesHandlers.classifyWithCustomModel(
        { image: photo(97, 61), preprocessing: { interpolation: 'nearest', mode } },
        context,
      );
      expect(answer.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(answer.labels).toContain(answer.label);
      expect(answer.ms).toBeGreaterThanOrEqual(0);
    }
    expect(tf.memory().numTensors).toBe(loaded);
    expect(await imagesHandlers.unloadCustomImageModel({}, context)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a broken model and unknown preprocessing in plain words, and keeps no tensors', async () => {
    const before = tf.memory().numTensors;
    await expect(
      imagesHandlers.loadCustomImageModel({ modelJson: '{"modelTopology": {"node": []}}', weights: [] }, context),
    ).rejects.toThrow(/^TensorFlow.js could not build this model from its model.json/);
    await expect(
      imagesHandlers.classifyWithCustomModel({ image: photo(8, 8), preprocessing: { interpolation: 'nearest', mode: 'caffe' } }, context),
    ).rejects.toThrow(/Load a model first/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
