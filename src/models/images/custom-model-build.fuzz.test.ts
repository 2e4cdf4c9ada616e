/**
 * Damaged Keras 3 topologies all the way through: normalised, checked and built by tfjs. Each must
 * give a classifier (or a model refused for its shapes) or a plain error, and leave no tensors.
 * Async (tfjs builds are), so it drives fast-check itself with the suite's fixed seed.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { type ConverterModel, readByoFixture, synthesizeShards } from '../../testing/byo-fixtures.ts';
import { mutatedJson } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { customModelArtifacts } from './custom-model.ts';
import { buildCustomClassifier } from './custom-model-build.ts';
import { readManifest } from './weights-manifest.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

/** Small Keras 3 files, so that hundreds of tfjs builds stay fast: the real one and its Keras ≥ 3.11 form. */
function keras3Files(): ConverterModel[] {
  const real = readByoFixture('k3-functional-dense');
  const flat = readByoFixture('k3-functional-dense');
  const config = (flat.modelTopology.model_config as { config: Record<string, unknown> }).config;
  config.input_layers = ['input_layer', 0, 0];
  config.output_layers = ['dense_1', 0, 0];
  return [real, flat];
}

/** Shards for whatever manifest the damaged file still has (none when it is unreadable or huge). */
function shardsFor(text: string) {
  try {
    const json = JSON.parse(text) as ConverterModel;
    readManifest(json.weightsManifest);
    const files = synthesizeShards(json, 'zeros');
    return files.reduce((n, f) => n + f.data.byteLength, 0) < 1_000_000 ? files : [];
  } catch {
    return [];
  }
}

it('builds any damaged Keras 3 model.json into a classifier, or refuses it in plain words', async () => {
  const before = tf.memory().numTensors;
  let inputs = 0;
  await fc.assert(
    fc.asyncProperty(mutatedJson(keras3Files(), { strict: true }), async (text) => {
      inputs++;
      try {
        const { prepared, weightData } = customModelArtifacts(text, shardsFor(text));
        const classifier = await buildCustomClassifier(prepared, weightData as ArrayBuffer[]);
        classifier.dispose();
      } catch (error) {
        expectPlainError(error, text);
      }
    }),
    { seed: Number(process.env.FUZZ_SEED ?? 15), numRuns: 300 * Number(process.env.FUZZ_RUNS ?? 1), endOnFailure: true },
  );
  console.log(`fuzz buildCustomClassifier: ${inputs} inputs`);
  expect(tf.memory().numTensors).toBe(before);
}, 120_000);
