/**
 * Bring your own model: a tfjs layers model (model.json + weight shards, e.g. a Keras VGG16 converted
 * with tensorflowjs_converter) given as files, checked and turned into artifacts tfjs can load, with
 * plain-words errors for the usual mistakes (a graph model, a missing shard, a non-image input).
 */
import type * as tf from '@tensorflow/tfjs';
import type { TargetSize } from './pil-resize.ts';

export interface ModelFile {
  name: string;
  data: ArrayBuffer;
}

/** Input size used when a model accepts any size (a fully convolutional model): VGG16's. */
export const DEFAULT_INPUT_SIZE: TargetSize = [224, 224];

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

const isWeightSpec = (w: unknown) => {
  const spec = w as Partial<Record<keyof tf.io.WeightsManifestEntry, unknown>> | null;
  return typeof spec === 'object' && spec !== null && typeof spec.name === 'string' && typeof spec.dtype === 'string' &&
    Array.isArray(spec.shape) && spec.shape.every((d) => Number.isInteger(d) && d >= 0);
};

/** The manifest's shape, checked: an edited or cut model.json would otherwise fail inside tfjs with a TypeError. */
export function readManifest(value: unknown): tf.io.WeightsManifestConfig {
  if (value == null) return [];
  const bad = (why: string) => new Error(`This model.json's weightsManifest ${why}. Choose the model.json that tensorflowjs_converter wrote, unchanged.`);
  if (!Array.isArray(value)) throw bad('is not a list of weight groups');
  value.forEach((group: { paths?: unknown; weights?: unknown } | null, g) => {
    if (typeof group !== 'object' || group === null || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw bad(`has a group (number ${g + 1}) without its lists of files and weights`);
    }
    if (!group.paths.every((p) => typeof p === 'string' && p !== '')) throw bad(`has a file name in group ${g + 1} that is not a name`);
    const spec = group.weights.findIndex((w) => !isWeightSpec(w));
    if (spec >= 0) throw bad(`describes weight ${spec + 1} of group ${g + 1} without a name, a dtype or a shape of whole numbers`);
  });
  return value as tf.io.WeightsManifestConfig;
}

export function customModelArtifacts(modelJsonText: string, weightFiles: readonly ModelFile[]): tf.io.ModelArtifacts {
  let json: { format?: string; modelTopology?: unknown; weightsManifest?: tf.io.WeightsManifestConfig };
  try {
    json = JSON.parse(modelJsonText);
  } catch {
    throw new Error('model.json is not valid JSON. Choose the model.json that tensorflowjs_converter wrote.');
  }
  if (!json || typeof json !== 'object' || !json.modelTopology || typeof json.modelTopology !== 'object' || Array.isArray(json.modelTopology)) {
    throw new Error('This model.json has no model topology, so it is not a TensorFlow.js model. Convert your Keras model with tensorflowjs_converter --input_format keras.');
  }
  if (json.format === 'graph-model' || (json.modelTopology as { node?: unknown }).node) {
    throw new Error('This is a TensorFlow.js graph model; this page runs layers models. Convert the Keras .h5 file with tensorflowjs_converter --input_format keras.');
  }
  const manifest = readManifest(json.weightsManifest);
  const byName = new Map(weightFiles.map((f) => [baseName(f.name), f.data]));
  const paths = manifest.flatMap((group) => group.paths);
  const missing = paths.filter((p) => !byName.has(baseName(p)));
  if (missing.length) {
    // A few names, each cut short: a damaged model.json can name hundreds of files, or a very long one.
    const named = missing.slice(0, 3).map((p) => (p.length > 60 ? `${p.slice(0, 60)}…` : p)).join(', ');
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    throw new Error(`Missing weight file${missing.length > 1 ? 's' : ''} ${named}${more}. Pick model.json together with every .bin file it lists.`);
  }
  const total = paths.reduce((n, p) => n + byName.get(baseName(p))!.byteLength, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const p of paths) {
    const bytes = new Uint8Array(byName.get(baseName(p))!);
    weightData.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return { modelTopology: json.modelTopology as object, weightSpecs: manifest.flatMap((g) => g.weights), weightData: weightData.buffer };
}

/** The [height, width] an image model expects, from its input shape [batch, h, w, 3]. */
export function modelInputSize(model: tf.LayersModel): TargetSize {
  const shape = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || !shape || shape.length !== 4) {
    throw new Error(`This model takes ${model.inputs.length === 1 ? `input of shape [${shape?.join(', ')}]` : `${model.inputs.length} inputs`}; an image classifier takes one [height, width, 3] image.`);
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
  if (!shape || shape.length !== 2 || classes == null) {
    throw new Error(`This model's output has shape [${shape?.join(', ')}]; a classifier outputs [batch, classes].`);
  }
  return classes === 1 ? 2 : classes;
}
