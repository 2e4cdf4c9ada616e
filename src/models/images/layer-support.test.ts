import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { type ConverterModel, readByoFixture, synthesizeShards } from '../../testing/byo-fixtures.ts';
import { customModelArtifacts, prepareCustomModel } from './custom-model.ts';
import { buildCustomClassifier } from './custom-model-build.ts';
import { sniffModelJson } from './model-json-format.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

type Layer = { class_name: string; config: Record<string, unknown>; name?: string; inbound_nodes?: unknown };
const layersOf = (model: ConverterModel) => (model.modelTopology.model_config as { config: { layers: Layer[] } }).config.layers;
const sizes = (model: ConverterModel) => synthesizeShards(model, 'zeros').map((f) => ({ name: f.name, size: f.data.byteLength }));
const prepare = (model: ConverterModel) => prepareCustomModel(JSON.stringify(model), sizes(model));

describe('layers tfjs 4.22 cannot run', () => {
  it('refuses a GRU with reset_after=True, naming it and what to do', () => {
    const model = readByoFixture('k2-seq-embedding-lstm');
    const lstm = layersOf(model)[1];
    lstm.class_name = 'GRU';
    lstm.config.reset_after = true;
    expect(() => prepare(model)).toThrow(
      /^Layer “lstm_4” is a GRU with reset_after=True .* build it with GRU\(…, reset_after=False\), train again, and re-export\.$/,
    );
  });

  it('refuses Lambda layers and classes tfjs does not know, counting the others', () => {
    const model = readByoFixture('k3-seq-cnn-handpatched');
    layersOf(model).splice(2, 0, { class_name: 'Lambda', config: { name: 'scale' } }, { class_name: 'MyBlock', config: { name: 'block' } });
    expect(() => prepare(model)).toThrow(/^Layer “scale” is a Lambda layer: it holds Python code.* 1 more layer cannot run either\.$/);
    layersOf(model).splice(2, 1);
    expect(() => prepare(model)).toThrow(
      'Layer “block” is a MyBlock, which TensorFlow.js 4.22 does not know (a custom ' +
        'or newer Keras layer): rebuild the model from built-in layers, then re-export.',
    );
  });

  it('drops Random* augmentation layers with a notice: in a Sequential and in a Keras 3 functional model', async () => {
    const before = tf.memory().numTensors;
    const seq = readByoFixture('k3-seq-cnn-handpatched');
    layersOf(seq).splice(
      1,
      0,
      { class_name: 'RandomFlip', config: { name: 'random_flip', mode: 'horizontal' } },
      { class_name: 'RandomRotation', config: { name: 'random_rotation', factor: 0.1 } },
    );
    expect(prepare(seq).model.notice).toBe(
      'Left out 2 augmentation layers random_flip, random_rotation: they change pictures only while training.',
    );
    const fn = readByoFixture('k3-functional-dense');
    const tensor = (from: string) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 1], dtype: 'float32', keras_history: [from, 0, 0] },
    });
    layersOf(fn).splice(1, 0, {
      class_name: 'RandomZoom',
      name: 'random_zoom',
      config: { name: 'random_zoom' },
      inbound_nodes: [{ args: [tensor('input_layer')], kwargs: {} }],
    });
    (layersOf(fn)[2].inbound_nodes as Array<{ args: unknown[] }>)[0].args = [tensor('random_zoom')];
    const artifacts = customModelArtifacts(JSON.stringify(fn), synthesizeShards(fn));
    expect(artifacts.prepared.notice).toBe('Left out the augmentation layer random_zoom: they change pictures only while training.');
    const built = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    expect(built.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense', 'Dense']);
    built.dispose();
    const { prepared, weightData } = customModelArtifacts(JSON.stringify(seq), synthesizeShards(seq, 'zeros'));
    const classifier = await buildCustomClassifier(prepared, weightData as ArrayBuffer[]);
    expect(classifier.inputSize).toEqual([64, 64]);
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a functional model whose layer reads a layer it does not have (tfjs would wait forever)', () => {
    const model = readByoFixture('k3-functional-dense');
    layersOf(model)[0].name = 'renamed';
    expect(() => prepare(model)).toThrow(
      'This model.json is damaged: layer “dense” takes input from layer “input_layer”, which the ' +
        'model does not have. Choose the model.json that tensorflowjs_converter wrote, unchanged.',
    );
  });
});

describe('what kind of file it is', () => {
  it('names an architecture-only Keras file, a random JSON and an unknown format', () => {
    const config = readByoFixture('k2-seq-vgg16-transfer').modelTopology.model_config as object;
    expect(() => sniffModelJson(JSON.stringify({ ...config, keras_version: '2.3.1' }))).toThrow(
      /^This is a Keras architecture file \(model.to_json\(\)\): it has no weights\. Convert it with tensorflowjs_converter/,
    );
    expect(() => sniffModelJson('{"name": "my-app", "version": "1.0.0"}')).toThrow(/^This model.json has no model topology/);
    expect(() => sniffModelJson(JSON.stringify({ format: 'tfjs-pipeline', modelTopology: {} }))).toThrow(/format is “tfjs-pipeline”/);
    expect(sniffModelJson(JSON.stringify(readByoFixture('k2-model-mobilenet-transfer-tfjs08'))).kind).toBe('layers');
    expect(sniffModelJson(JSON.stringify(readByoFixture('neg-graph-model-mobilenetv2'))).kind).toBe('graph');
  });
});
