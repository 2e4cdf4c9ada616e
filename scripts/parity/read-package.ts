/** A committed model package (public/models/<task>/) read from disk into the shape the app's loader gives. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { ModelMeta } from '../../src/runtime/model-meta.ts';
import type { ModelPackage } from '../../src/runtime/model-package.ts';

export const MODELS_DIR = path.resolve(import.meta.dirname, '../../public/models');

export function readModelPackage(task: string): ModelPackage {
  const dir = path.join(MODELS_DIR, task);
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as ModelMeta;
  const files = new Map(meta.files.map((f) => [f.name, new Uint8Array(readFileSync(path.join(dir, f.name)))] as const));
  const modelJson = JSON.parse(new TextDecoder().decode(files.get('model.json'))) as {
    modelTopology: object;
    weightsManifest: tf.io.WeightsManifestConfig;
  };
  const shards = modelJson.weightsManifest.flatMap((group) => group.paths);
  const weightData = new Uint8Array(shards.reduce((n, p) => n + files.get(p)!.byteLength, 0));
  let offset = 0;
  for (const p of shards) {
    weightData.set(files.get(p)!, offset);
    offset += files.get(p)!.byteLength;
  }
  return {
    meta,
    artifacts: {
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData: weightData.buffer,
    },
    files,
  };
}
