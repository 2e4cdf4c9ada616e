/**
 * How a model's weights are stored in its shards. tfjs's loader decodes each manifest entry back to
 * float32 from its `quantization` field (tf.io.decodeWeights), so the app needs no code for any of them.
 * - 'float32': as trained.
 * - 'float16': half precision, every tensor (half the bytes; costs ~1e-5 nats on the text model).
 * - 'uint8': each large tensor as 256 evenly spaced levels between its own min and max (a quarter of
 *   the bytes); tensors under UINT8_MIN_VALUES values (biases, batch-norm statistics) stay float16:
 *   they weigh nothing, and a variance rounded to 1/255 of its range would shift every activation.
 */
import type * as tf from '@tensorflow/tfjs';
import { encodeFloat16 } from './float16.ts';

export type WeightStorage = 'float32' | 'float16' | 'uint8';

export const UINT8_MIN_VALUES = 1024;

export interface EncodedWeights {
  specs: tf.io.WeightsManifestEntry[];
  bytes: Uint8Array;
}

type Encoding = { spec: tf.io.WeightsManifestEntry; bytes: Uint8Array };

function float16Of(values: Float32Array, spec: tf.io.WeightsManifestEntry): Encoding {
  return { spec: { ...spec, quantization: { dtype: 'float16' } }, bytes: new Uint8Array(encodeFloat16(values).buffer) };
}

/** Affine uint8: value ≈ min + q · scale, q in 0…255, rounded to the nearest level. */
function uint8Of(values: Float32Array, spec: tf.io.WeightsManifestEntry): Encoding {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A constant tensor has one level; any positive scale decodes it exactly.
  const scale = max > min ? (max - min) / 255 : 1;
  const q = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.min(255, Math.max(0, Math.round((values[i] - min) / scale)));
  return { spec: { ...spec, quantization: { dtype: 'uint8', min, scale } }, bytes: q };
}

function encodeOne(values: Float32Array, spec: tf.io.WeightsManifestEntry, storage: WeightStorage): Encoding {
  if (storage === 'float32') return { spec, bytes: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
  if (storage === 'uint8' && values.length >= UINT8_MIN_VALUES) return uint8Of(values, spec);
  return float16Of(values, spec);
}

/**
 * Encodes the weights a layers model saves (float32 data, one spec per tensor, in order) as `storage`.
 * int32 entries (none in this project's models) are kept byte for byte.
 */
export function encodeWeights(data: ArrayBuffer, specs: readonly tf.io.WeightsManifestEntry[], storage: WeightStorage): EncodedWeights {
  const parts: Encoding[] = [];
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype !== 'float32' && spec.dtype !== 'int32') throw new Error(`cannot store ${spec.name}: dtype ${spec.dtype}`);
    const byteLength = count * 4;
    if (offset + byteLength > data.byteLength)
      throw new Error(`the weight specs describe more bytes than the ${data.byteLength} of the data`);
    if (spec.dtype === 'float32') parts.push(encodeOne(new Float32Array(data, offset, count), spec, storage));
    else parts.push({ spec, bytes: new Uint8Array(data, offset, byteLength) });
    offset += byteLength;
  }
  if (offset !== data.byteLength) throw new Error(`the weight specs describe ${offset} bytes, the data has ${data.byteLength}`);
  const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.bytes.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p.bytes, at);
    at += p.bytes.byteLength;
  }
  return { specs: parts.map((p) => p.spec), bytes };
}
