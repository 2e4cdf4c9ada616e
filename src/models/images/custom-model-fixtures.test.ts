/**
 * Every real converter output in ../shared/byo-models/, with shards made from its manifest: it loads
 * and predicts, or is refused in plain words naming its shapes. Plus the variants the converter
 * writes elsewhere (Keras ≥ 3.11, prefixed names, shards without .bin, out-of-order manifests).
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { byoFixtureNames, type ConverterModel, readByoFixture, synthesizeShards, tagOf } from '../../testing/byo-fixtures.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { customModelArtifacts, prepareCustomModel } from './custom-model.ts';
import { buildCustomClassifier, disposeLayersModel } from './custom-model-build.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

// Tests that warm something up first count again after it (countTensors).
let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});
const countTensors = () => {
  tensorsBefore = tf.memory().numTensors;
};

/** fixture → [h, w, classes] once loaded, or the words of its refusal. */
const EXPECTED: Record<string, [number, number, number] | RegExp> = {
  'k2-model-mobilenet-transfer-tfjs08': [224, 224, 3],
  'k2-model-multiinput-caption-lstm':
    /^This model takes 2 inputs, \[7, 7, 512\] and \[30\] and gives \[3857\]; this page runs image classifiers/,
  'k2-seq-embedding-lstm': /^This model takes \[6\] and gives \[3\]; this page runs image classifiers/,
  'k2-seq-vgg16-transfer': [100, 100, 2],
  'k215-seq-dense-tabular': /^This model takes \[5\] and gives \[3\]; this page runs image classifiers/,
  'k3-functional-dense': /^This model takes \[1\] and gives \[1\]; this page runs image classifiers/,
  'k3-seq-cnn-handpatched': [64, 64, 10],
  'k3-seq-mobilenetv2-transfer': [224, 224, 5],
  'neg-graph-model-mobilenetv2': [224, 224, 3],
};

async function classify(model: ConverterModel, files = synthesizeShards(model)) {
  const text = JSON.stringify(model);
  const { prepared, weightData } = customModelArtifacts(text, files);
  const classifier = await buildCustomClassifier(prepared, weightData as ArrayBuffer[]);
  try {
    const y = tf.tidy(() => classifier.predict(tf.zeros([1, ...classifier.inputSize, 3]) as tf.Tensor4D));
    const values = Array.from(await y.data());
    y.dispose();
    return { classifier: { ...classifier, predict: undefined, dispose: undefined }, values, prepared };
  } finally {
    classifier.dispose();
  }
}

describe('the nine converter outputs', () => {
  it('are all there', () => {
    expect(byoFixtureNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${Array.isArray(expected) ? `loads and predicts ${expected.join('×')}` : 'is refused with its shapes'}`, async () => {
      countTensors();
      const model = readByoFixture(name);
      if (Array.isArray(expected)) {
        const { classifier, values } = await classify(model);
        expect([...classifier.inputSize, classifier.classes]).toEqual(expected);
        expect(values.length).toBe(expected[2] === 2 && name.includes('vgg16') ? 2 : values.length);
        expect(values.every(Number.isFinite)).toBe(true);
      } else {
        const error = await classify(model).then(
          () => null,
          (e: unknown) => e,
        );
        expect((error as Error).message).toMatch(expected);
        expectPlainError(error, '');
      }
    }, 60_000);
  }

  it('the Keras 3 layers models also build in tfjs as layers models (the tabular one too) and predict', async () => {
    countTensors();
    for (const name of ['k3-functional-dense', 'k3-seq-mobilenetv2-transfer']) {
      const model = readByoFixture(name);
      const artifacts = customModelArtifacts(JSON.stringify(model), synthesizeShards(model));
      const built = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const shape = built.inputs[0].shape.map((d) => d ?? 1);
      const y = tf.tidy(() => built.predict(tf.zeros(shape)) as tf.Tensor);
      expect(y.shape[0]).toBe(1);
      y.dispose();
      disposeLayersModel(built);
    }
  }, 60_000);

  it('leaves what tfjs already reads untouched: Keras 2 topologies and the hand-patched Keras 3 one', () => {
    for (const name of [
      'k2-model-mobilenet-transfer-tfjs08',
      'k2-seq-vgg16-transfer',
      'k215-seq-dense-tabular',
      'k3-seq-cnn-handpatched',
    ]) {
      const model = readByoFixture(name);
      const { model: prepared } = prepareCustomModel(
        JSON.stringify(model),
        synthesizeShards(model, 'zeros').map((f) => ({ name: f.name, size: f.data.byteLength })),
      );
      expect(prepared.changes, name).toEqual([]);
      expect(prepared.modelTopology).toEqual(model.modelTopology);
      expect(prepared.weightSpecs).toEqual(model.weightsManifest.flatMap((g) => g.weights));
    }
  });

  it('rewrites the Keras 3 functional model into what its reporter fixed by hand (working-model.json)', () => {
    const model = readByoFixture('k3-functional-dense');
    const { model: prepared } = prepareCustomModel(JSON.stringify(model), [{ name: 'group1-shard1of1.bin', size: 196 }]);
    expect(prepared.changes).toEqual([
      'batch_shape → batch_input_shape',
      'inbound_nodes {args, kwargs} → lists',
      'dtype policies → dtype names',
    ]);
    const fixed = readByoFixture('k3-functional-dense', 'working-model.json');
    const layers = (t: Record<string, unknown>) =>
      (t.model_config as { config: { layers: Array<{ inbound_nodes: unknown; config: { batch_input_shape?: unknown } }> } }).config.layers;
    const refs = (t: Record<string, unknown>) =>
      layers(t).map((l) => (l.inbound_nodes as unknown[][][]).map((node) => node.map((ref) => ref.slice(0, 3))));
    expect(refs(prepared.modelTopology)).toEqual(refs(fixed.modelTopology));
    expect(layers(prepared.modelTopology)[0].config.batch_input_shape).toEqual([null, 1]);
  });
});

/** Loads with tfjs and checks that every weight holds the tag of the manifest entry of its name. */
async function expectWeightsByName(model: ConverterModel, files = synthesizeShards(model)) {
  const tags = new Map(model.weightsManifest.flatMap((g) => g.weights).map((w, i) => [w.name, tagOf(i)]));
  const artifacts = customModelArtifacts(JSON.stringify(model), files);
  const savedName = new Map(
    artifacts.prepared.weightSpecs.map((s, i) => [s.name, model.weightsManifest.flatMap((g) => g.weights)[i].name]),
  );
  const built = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  try {
    for (const weight of built.weights) {
      const saved = savedName.get(weight.originalName)!;
      expect(weight.read().dataSync()[0], weight.originalName).toBeCloseTo(tags.get(saved)!, 6);
    }
    return artifacts.prepared;
  } finally {
    disposeLayersModel(built);
  }
}

const clone = (name: string) => readByoFixture(name);
type FunctionalConfig = { name: string; input_layers: unknown; output_layers: unknown; layers: Array<Record<string, unknown>> };
const configOf = (model: ConverterModel) => (model.modelTopology.model_config as { config: FunctionalConfig }).config;

describe('variants of the converter output', () => {
  it('Keras ≥ 3.11: a single input and output written flat as ["name", 0, 0]', async () => {
    countTensors();
    const model = clone('k3-functional-dense');
    configOf(model).input_layers = ['input_layer', 0, 0];
    configOf(model).output_layers = ['dense_1', 0, 0];
    const prepared = await expectWeightsByName(model);
    expect(prepared.changes).toContain('flat input/output layers → nested');
    const mobilenet = clone('k3-seq-mobilenetv2-transfer');
    const nested = configOf(mobilenet).layers[1].config as FunctionalConfig;
    nested.input_layers = ['input_layer', 0, 0];
    nested.output_layers = ['out_relu', 0, 0];
    const { classifier } = await classify(mobilenet);
    expect(classifier.classes).toBe(5);
  }, 60_000);

  it('weight names prefixed with the model name (tfjs#8321), in Keras 2 and Keras 3 files', async () => {
    countTensors();
    for (const name of ['k3-functional-dense', 'k215-seq-dense-tabular']) {
      const model = clone(name);
      const prefix = configOf(model).name;
      for (const w of model.weightsManifest[0].weights) w.name = `${prefix}/${w.name}`;
      const prepared = await expectWeightsByName(model);
      expect(prepared.changes).toContain(`${model.weightsManifest[0].weights.length} weight names → tfjs names`);
    }
  }, 60_000);

  it('a weight list out of layer order: matched by name, never by order (DepthwiseConv2D kernels included)', async () => {
    countTensors();
    const model = clone('k3-seq-mobilenetv2-transfer');
    // Reverse each group's list; the shards are made from the reversed manifest, so names still tell.
    for (const g of model.weightsManifest) g.weights.reverse();
    const prepared = await expectWeightsByName(model);
    expect(prepared.weightSpecs.filter((s) => s.name.endsWith('depthwise_kernel'))).toHaveLength(17);
  }, 60_000);

  it('shards without .bin, picked from a folder', async () => {
    countTensors();
    const model = clone('k3-seq-cnn-handpatched');
    for (const g of model.weightsManifest) g.paths = g.paths.map((p) => p.replace(/\.bin$/, ''));
    const files = synthesizeShards(model, 'zeros').map((f) => ({ ...f, name: `Downloads/cnn/${f.name}` }));
    const { classifier } = await classify(model, files);
    expect(classifier.inputSize).toEqual([64, 64]);
  }, 60_000);

  it('a short shard and a missing shard are named before anything is read', () => {
    const model = readByoFixture('k3-seq-mobilenetv2-transfer');
    const text = JSON.stringify(model);
    const sizes = synthesizeShards(model, 'zeros').map((f) => ({ name: f.name, size: f.data.byteLength }));
    const shortMiddle = sizes.map((f, i) => (i === 1 ? { ...f, size: f.size - 1000 } : f));
    expect(() => prepareCustomModel(text, shortMiddle)).toThrow(
      'The weight files are too short: model.json needs 10,526,100 bytes, they hold 10,525,100 ' +
        'bytes. Check group1-shard2of3.bin (4,193,304 bytes): download or copy it again.',
    );
    const shortLast = sizes.map((f, i) => (i === 2 ? { ...f, size: 10 } : f));
    expect(() => prepareCustomModel(text, shortLast)).toThrow(/Check group1-shard3of3\.bin \(10 bytes\)/);
    expect(() => prepareCustomModel(text, sizes.slice(0, 2))).toThrow(
      'Missing weight file group1-shard3of3.bin. Pick model.json together with every weight file it lists.',
    );
    const longer = sizes.map((f, i) => (i === 2 ? { ...f, size: f.size + 8 } : f));
    expect(() => prepareCustomModel(text, longer)).toThrow(
      /more than the 10,526,100 bytes model.json needs \(266 weights\): they come from another conversion/,
    );
  });
});
