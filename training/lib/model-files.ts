/**
 * Saving and loading tfjs layers models as files in Node (tfjs-node's file:// handler needs a
 * native binary this project cannot download). Weights can be stored as float16 or uint8 to shrink
 * the download (weight-encoding.ts); tfjs decodes them back to float32 on load.
 */

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { encodeWeights, type WeightStorage } from './weight-encoding.ts';

export type { WeightStorage };

export interface SavedFiles {
  modelJson: string;
  shards: string[];
}

const SHARD_BYTES = 4 * 1024 * 1024;

/** Writes model.json and shards (plus any extra files) into dir, replacing it whole. */
export async function saveLayersModel(
  model: tf.LayersModel,
  dir: string,
  storage: WeightStorage = 'float32',
  extraFiles: Record<string, string | Uint8Array> = {},
): Promise<SavedFiles> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts?.weightSpecs || !artifacts.weightData) throw new Error('model has no weights to save');

  const { specs, bytes } = encodeWeights(tf.io.CompositeArrayBuffer.join(artifacts.weightData), artifacts.weightSpecs, storage);
  const count = Math.max(1, Math.ceil(bytes.byteLength / SHARD_BYTES));
  const shards = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  shards.forEach((name, i) => writeFileSync(path.join(tmp, name), bytes.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES)));
  const modelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: shards, weights: specs }],
  };
  writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(modelJson));
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(path.join(tmp, name), content);
  // Swap the whole folder at once so an interrupted save never leaves a half-written model.
  mkdirSync(path.dirname(dir), { recursive: true });
  const old = `${dir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(dir, old);
  } catch {
    /* first save */
  }
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  return { modelJson: 'model.json', shards };
}

export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const manifest: tf.io.WeightsManifestConfig = json.weightsManifest;
  const buffers = manifest.flatMap((group) => group.paths.map((p) => readFileSync(path.join(dir, p))));
  const total = Buffer.concat(buffers);
  const weightData = total.buffer.slice(total.byteOffset, total.byteOffset + total.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: manifest.flatMap((g) => g.weights),
      weightData,
    }),
  );
}
