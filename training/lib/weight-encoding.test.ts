import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random.ts';
import { encodeWeights, UINT8_MIN_VALUES } from './weight-encoding.ts';

const random = seededRandom(3);
const kernel = Float32Array.from({ length: 3 * 3 * 8 * 16 }, () => (random() - 0.3) * 0.4); // 1,152 values: uint8
const bias = Float32Array.from({ length: 16 }, () => random() - 0.5); // 16 values: stays float16
const counts = new Int32Array([7, -2, 40000]);
const specs: tf.io.WeightsManifestEntry[] = [
  { name: 'conv/kernel', shape: [3, 3, 8, 16], dtype: 'float32' },
  { name: 'conv/bias', shape: [16], dtype: 'float32' },
  { name: 'counts', shape: [3], dtype: 'int32' },
];

function joined(): ArrayBuffer {
  const out = new Uint8Array(kernel.byteLength + bias.byteLength + counts.byteLength);
  out.set(new Uint8Array(kernel.buffer), 0);
  out.set(new Uint8Array(bias.buffer), kernel.byteLength);
  out.set(new Uint8Array(counts.buffer), kernel.byteLength + bias.byteLength);
  return out.buffer;
}

/** What the app gets back: tfjs's own loader-side decoder. */
function decoded(storage: 'float32' | 'float16' | 'uint8') {
  const { specs: written, bytes } = encodeWeights(joined(), specs, storage);
  const tensors = tf.io.decodeWeights(bytes.slice().buffer, written);
  const values = Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, t.dataSync()]));
  tf.dispose(Object.values(tensors));
  return { values, written, bytes };
}

const maxError = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('encodeWeights', () => {
  it('float32 is byte for byte', () => {
    const { values, bytes } = decoded('float32');
    expect(bytes.byteLength).toBe(joined().byteLength);
    expect(Array.from(values['conv/kernel'])).toEqual(Array.from(kernel));
    expect(Array.from(values.counts)).toEqual([7, -2, 40000]);
  });

  it('float16 halves the float tensors within half precision', () => {
    const { values, bytes } = decoded('float16');
    expect(bytes.byteLength).toBe((kernel.length + bias.length) * 2 + counts.byteLength);
    expect(maxError(values['conv/kernel'], kernel)).toBeLessThan(2 ** -11 * 0.25);
    expect(Array.from(values.counts)).toEqual([7, -2, 40000]);
  });

  it('uint8 stores large tensors in 256 levels (within half a level), small ones in float16', () => {
    const { values, written, bytes } = decoded('uint8');
    expect(kernel.length).toBeGreaterThanOrEqual(UINT8_MIN_VALUES);
    expect(bias.length).toBeLessThan(UINT8_MIN_VALUES);
    expect(bytes.byteLength).toBe(kernel.length + bias.length * 2 + counts.byteLength);
    expect(written.map((s) => s.quantization?.dtype)).toEqual(['uint8', 'float16', undefined]);
    const [min, max] = [Math.min(...kernel), Math.max(...kernel)];
    const level = (max - min) / 255;
    const error = maxError(values['conv/kernel'], kernel);
    expect(error).toBeLessThanOrEqual(level / 2 + 1e-7);
    expect(error).toBeGreaterThan(level / 4); // really quantized, not passed through
    // The extremes are levels themselves.
    expect(Math.min(...values['conv/kernel'])).toBeCloseTo(min, 6);
    expect(Math.max(...values['conv/kernel'])).toBeCloseTo(max, 6);
    expect(maxError(values['conv/bias'], bias)).toBeLessThan(2 ** -11);
  });

  it('decodes a constant tensor exactly', () => {
    const constant = new Float32Array(UINT8_MIN_VALUES).fill(0.25);
    const spec: tf.io.WeightsManifestEntry = { name: 'c', shape: [UINT8_MIN_VALUES], dtype: 'float32' };
    const { specs: written, bytes } = encodeWeights(constant.buffer, [spec], 'uint8');
    const tensors = tf.io.decodeWeights(bytes.slice().buffer, written);
    expect(new Set(tensors.c.dataSync())).toEqual(new Set([0.25]));
    tf.dispose(tensors.c);
  });

  it('refuses specs that do not describe the data', () => {
    expect(() => encodeWeights(new ArrayBuffer(8), specs, 'uint8')).toThrow(/describe/);
  });
});
