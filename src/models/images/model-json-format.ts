/**
 * What kind of file a bring-your-own model.json is, read before anything else: a tfjs layers model
 * (converter versions back to 0.8, which wrote no `format`), a graph model, or something else
 * (a Keras `model.to_json()` without weights, any other JSON) that gets plain words.
 */
import type * as tf from '@tensorflow/tfjs';
import { readManifest } from './weights-manifest.ts';

export interface GraphSignature {
  inputs?: Record<string, { name?: string; tensorShape?: { dim?: Array<{ size?: string | number }> } }>;
  outputs?: Record<string, { name?: string; tensorShape?: { dim?: Array<{ size?: string | number }> } }>;
}

export type ModelJson =
  | { kind: 'layers'; modelTopology: Record<string, unknown>; weightsManifest: tf.io.WeightsManifestConfig }
  | { kind: 'graph'; modelTopology: Record<string, unknown>; weightsManifest: tf.io.WeightsManifestConfig; signature?: GraphSignature };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keras model classes a layers model's top level may name, old and new. */
const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

const CONVERT = 'Convert it with tensorflowjs_converter --input_format keras (for a .h5 or .keras file) or --input_format tf_saved_model.';

export function sniffModelJson(text: string): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('model.json is not valid JSON. Choose the model.json that tensorflowjs_converter wrote.');
  }
  if (!isObject(json)) throw new Error(`This JSON file is not a TensorFlow.js model. ${CONVERT}`);
  const topology = json.modelTopology;
  if (!isObject(topology)) {
    // Keras's model.to_json(): the architecture alone, at the top level, with no weights.
    if (typeof json.class_name === 'string' && MODEL_CLASSES.has(json.class_name) && 'config' in json) {
      throw new Error(`This is a Keras architecture file (model.to_json()): it has no weights. ${CONVERT}`);
    }
    throw new Error(`This model.json has no model topology, so it is not a TensorFlow.js model. ${CONVERT}`);
  }
  const weightsManifest = readManifest(json.weightsManifest);
  if (json.format === 'graph-model' || Array.isArray(topology.node)) {
    return {
      kind: 'graph',
      modelTopology: topology,
      weightsManifest,
      signature: isObject(json.signature) ? (json.signature as GraphSignature) : undefined,
    };
  }
  const config = isObject(topology.model_config) ? topology.model_config : topology;
  if (json.format !== undefined && json.format !== 'layers-model') {
    const named = typeof json.format === 'string' ? `“${json.format.slice(0, 40)}”` : 'not a format name';
    throw new Error(`This model.json's format is ${named}; this page reads TensorFlow.js layers and graph models. ${CONVERT}`);
  }
  if (typeof config.class_name !== 'string' || !MODEL_CLASSES.has(config.class_name)) {
    throw new Error(`This model.json describes no Keras model (Sequential, Model or Functional) in its topology. ${CONVERT}`);
  }
  return { kind: 'layers', modelTopology: topology, weightsManifest };
}
