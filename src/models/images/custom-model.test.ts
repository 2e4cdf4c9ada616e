import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { customModelArtifacts, type ModelFile, modelClassCount, modelInputSize } from './custom-model.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

/** Saves a model the way tensorflowjs_converter lays it out: model.json + one shard per weight group. */
async function asFiles(model: tf.LayersModel): Promise<{ modelJson: string; weights: ModelFile[] }> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const data = tf.io.CompositeArrayBuffer.join(artifacts!.weightData!);
  const half = Math.floor(data.byteLength / 8) * 4;
  const modelJson = JSON.stringify({
    format: 'layers-model',
    modelTopology: artifacts!.modelTopology,
    weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: artifacts!.weightSpecs }],
  });
  return {
    modelJson,
    weights: [
      { name: 'group1-shard2of2.bin', data: data.slice(half) },
      { name: 'group1-shard1of2.bin', data: data.slice(0, half) },
    ],
  };
}

function smallModel(inputShape: [number | null, number | null, number], units = 3) {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: inputShape as number[], filters: 4, kernelSize: 3, activation: 'relu' }));
  m.add(tf.layers.globalAveragePooling2d({}));
  m.add(tf.layers.dense({ units, activation: 'softmax' }));
  return m;
}

describe('customModelArtifacts', () => {
  it('reassembles shards in manifest order, whatever order the files come in', async () => {
    const original = smallModel([32, 48, 3]);
    const { modelJson, weights } = await asFiles(original);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(customModelArtifacts(modelJson, weights)));
    const x = tf.randomUniform([1, 32, 48, 3]);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((original.predict(x) as tf.Tensor).dataSync()));
    expect(modelInputSize(loaded)).toEqual([32, 48]);
    expect(modelClassCount(loaded)).toBe(3);
  });

  it('names missing shards and non-JSON files, and takes graph models as graph models', async () => {
    const { modelJson, weights } = await asFiles(smallModel([8, 8, 3]));
    expect(() => customModelArtifacts(modelJson, weights.slice(1))).toThrow(/Missing weight file group1-shard2of2\.bin/);
    expect(customModelArtifacts(JSON.stringify({ format: 'graph-model', modelTopology: { node: [] } }), []).prepared.kind).toBe('graph');
    expect(() => customModelArtifacts('<html>', [])).toThrow(/not valid JSON/);
  });

  it('names a damaged manifest or topology instead of failing with a TypeError', () => {
    // found by the fuzz test: each of these threw a TypeError ('manifest.flatMap is not a function', …)
    const withManifest = (weightsManifest: unknown) =>
      JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: [] } }, weightsManifest });
    expect(() => customModelArtifacts(withManifest(5), [])).toThrow("This model.json's weightsManifest is not a list of weight groups.");
    expect(() => customModelArtifacts(withManifest([null]), [])).toThrow(/has a group \(number 1\) without its lists of files and weights/);
    expect(() => customModelArtifacts(withManifest([{ paths: [1], weights: [] }]), [])).toThrow(
      /has a file name in group 1 that is not a name/,
    );
    const spec = { name: 'dense/kernel', dtype: 'float32', shape: [2, -1] };
    expect(() => customModelArtifacts(withManifest([{ paths: ['a.bin'], weights: [spec] }]), [])).toThrow(
      /describes weight 1 of group 1 without/,
    );
    expect(() => customModelArtifacts(JSON.stringify({ modelTopology: 'Sequential' }), [])).toThrow(/no model topology/);
    expect(customModelArtifacts(withManifest(null), []).weightSpecs).toEqual([]);
  });

  it('lists at most three missing shards', () => {
    const paths = Array.from({ length: 19 }, (_, i) => `group1-shard${i + 1}of19.bin`);
    const modelJson = JSON.stringify({
      modelTopology: { class_name: 'Sequential', config: { layers: [] } },
      weightsManifest: [{ paths, weights: [] }],
    });
    expect(() => customModelArtifacts(modelJson, [])).toThrow(
      'Missing weight files group1-shard1of19.bin, group1-shard2of19.bin, group1-shard3of19.bin ' +
        'and 16 more. Pick model.json together with every weight file it lists.',
    );
  });

  it('reads 224×224 for a model that takes any size, and refuses grayscale input', () => {
    expect(modelInputSize(smallModel([null, null, 3]))).toEqual([224, 224]);
    expect(() => modelInputSize(smallModel([28, 28, 1]))).toThrow(/1 colour channels/);
    expect(modelClassCount(smallModel([8, 8, 3], 1))).toBe(2);
  });
});
