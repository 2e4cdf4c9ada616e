/**
 * The real converter output in ../shared/byo-models/ (read at test time, never copied in), with weight
 * shards made here from each weightsManifest: every weight filled with its own small value ("tag"),
 * so a test can tell which bytes reached which layer, and cut into shards the way the converter cuts
 * them (4 MiB each, a shorter last one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import type { ModelFile } from '../models/images/custom-model.ts';
import { storedBytes } from '../models/images/weight-shards.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const BYO_DIR = path.join(root, '../shared/byo-models');

export interface ConverterModel {
  modelTopology: Record<string, unknown>;
  weightsManifest: tf.io.WeightsManifestConfig;
  [key: string]: unknown;
}

export function byoFixtureNames(): string[] {
  if (!existsSync(BYO_DIR)) throw new Error(`the converter outputs are expected in ${BYO_DIR} (CI keeps ../shared beside the checkout)`);
  return readdirSync(BYO_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export const readByoFixture = (name: string, file = 'model.json'): ConverterModel =>
  JSON.parse(readFileSync(path.join(BYO_DIR, name, file), 'utf8'));

/** The value every element of weight number `index` (manifest order) holds. */
export const tagOf = (index: number) => ((index % 97) + 1) / 1024;

const CONVERTER_SHARD_BYTES = 4 * 1024 * 1024;

/** The shard sizes the converter would write for `total` bytes in `count` files. */
function shardSizes(total: number, count: number): number[] {
  const size = Math.ceil(total / CONVERTER_SHARD_BYTES) === count ? CONVERTER_SHARD_BYTES : Math.ceil(total / count / 4) * 4;
  return Array.from({ length: count }, (_, i) => Math.max(0, Math.min(size, total - i * size)));
}

/**
 * One weight's bytes: float32 weights hold their tag; int32 hold zeros, except a graph model's Reshape
 * target, which gets [1, -1] (flatten one picture) so that the graph runs.
 */
function weightBytes(spec: tf.io.WeightsManifestEntry, index: number, fill: 'tags' | 'zeros'): Uint8Array {
  const bytes = new Uint8Array(storedBytes(spec) ?? 0);
  if (spec.dtype === 'float32' && !spec.quantization && fill === 'tags') new Float32Array(bytes.buffer).fill(tagOf(index));
  if (spec.dtype === 'int32' && /Reshape\/shape$/.test(spec.name) && spec.shape.join() === '2') new Int32Array(bytes.buffer).set([1, -1]);
  return bytes;
}

/** Shard files for a model.json, named as its manifest says. */
export function synthesizeShards(model: ConverterModel, fill: 'tags' | 'zeros' = 'tags'): ModelFile[] {
  let index = 0;
  return model.weightsManifest.flatMap((group) => {
    const parts = group.weights.map((w) => weightBytes(w, index++, fill));
    const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let offset = 0;
    for (const p of parts) {
      all.set(p, offset);
      offset += p.byteLength;
    }
    offset = 0;
    return shardSizes(all.byteLength, group.paths.length).map((size, i) => {
      const data = all.slice(offset, offset + size).buffer;
      offset += size;
      return { name: group.paths[i], data };
    });
  });
}
