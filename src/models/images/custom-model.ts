/**
 * Bring your own model: what tensorflowjs_converter really writes (Keras 2 and 3 layers models, graph
 * models) given as files, checked and turned into artifacts tfjs 4.22 can load, with plain-words
 * errors for the usual mistakes (a missing or short shard, a layer tfjs cannot run, a non-image input).
 */
import type * as tf from '@tensorflow/tfjs';
import { normaliseKeras3 } from './keras3-topology.ts';
import { checkLayerSupport } from './layer-support.ts';
import { type GraphSignature, sniffModelJson } from './model-json-format.ts';
import type { TargetSize } from './pil-resize.ts';
import { checkReferences } from './topology-references.ts';
import { tfjsWeightNames } from './weight-names.ts';
import { orderShards, type SizedFile } from './weight-shards.ts';

export { readManifest } from './weights-manifest.ts';

export interface ModelFile {
  name: string;
  data: ArrayBuffer;
}

/** Input size used when a model accepts any size (a fully convolutional model): VGG16's. */
export const DEFAULT_INPUT_SIZE: TargetSize = [224, 224];

/** A model.json made ready for tfjs 4.22: what to build, and what the person should know about it. */
export interface PreparedModel {
  kind: 'layers' | 'graph';
  modelTopology: Record<string, unknown>;
  weightSpecs: tf.io.WeightsManifestEntry[];
  signature?: GraphSignature;
  /** What was rewritten for tfjs (Keras 3 forms, weight names), for the console and the tests. */
  changes: string[];
  /** Said to the person (augmentation layers left out). */
  notice: string | null;
}

/**
 * Reads a model.json and the names and sizes of the picked files: sniffs the format, rewrites a
 * Keras 3 topology and its weight names for tfjs 4.22, refuses layers it cannot run, and orders the
 * shards, all before a byte of weights is read. Throws plain-words errors.
 */
export function prepareCustomModel<F extends SizedFile>(modelJsonText: string, files: readonly F[]): { model: PreparedModel; shards: F[] } {
  const json = sniffModelJson(modelJsonText);
  const shards = orderShards(json.weightsManifest, files);
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  if (json.kind === 'graph') {
    return {
      model: { kind: 'graph', modelTopology: json.modelTopology, weightSpecs: specs, signature: json.signature, changes: [], notice: null },
      shards,
    };
  }
  const changes = normaliseKeras3(json.modelTopology);
  const notice = checkLayerSupport(json.modelTopology);
  checkReferences(json.modelTopology);
  const { specs: weightSpecs, renamed } = tfjsWeightNames(json.modelTopology, specs);
  if (renamed) changes.push(`${renamed} weight names → tfjs names`);
  if (notice) changes.push('augmentation layers left out');
  return { model: { kind: 'layers', modelTopology: json.modelTopology, weightSpecs, changes, notice }, shards };
}

/** The same from files already in memory, as tfjs artifacts; the shards are handed over as they are, not joined. */
export function customModelArtifacts(
  modelJsonText: string,
  weightFiles: readonly ModelFile[],
): tf.io.ModelArtifacts & { prepared: PreparedModel } {
  const { model, shards } = prepareCustomModel(
    modelJsonText,
    weightFiles.map((f) => ({ ...f, size: f.data.byteLength })),
  );
  return { modelTopology: model.modelTopology, weightSpecs: model.weightSpecs, weightData: shards.map((f) => f.data), prepared: model };
}

/** The [height, width] an image model expects, from its input shape [batch, h, w, 3]. */
export function modelInputSize(model: tf.LayersModel): TargetSize {
  const shape = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || !shape || shape.length !== 4) {
    throw new Error(
      `This model takes ${model.inputs.length === 1 ? `input of shape [${shape?.join(', ')}]` : `${model.inputs.length} inputs`}; ` +
        `an image classifier takes one [height, width, 3] image.`,
    );
  }
  if (shape[3] !== 3) throw new Error(`This model expects ${shape[3]} colour channels; this page gives RGB images (3 channels).`);
  const [h, w] = [shape[1], shape[2]];
  if (h == null || w == null) return DEFAULT_INPUT_SIZE;
  return [h, w];
}

/** How many classes the model outputs (1 for a single sigmoid unit, which means two classes). */
export function modelClassCount(model: tf.LayersModel): number {
  const shape = model.outputs[0]?.shape;
  const classes = shape?.[shape.length - 1];
  if (shape?.length !== 2 || classes == null) {
    throw new Error(`This model's output has shape [${shape?.join(', ')}]; a classifier outputs [batch, classes].`);
  }
  return classes === 1 ? 2 : classes;
}
