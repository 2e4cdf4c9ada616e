import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from './node-backend.ts';

/** Runs f on a backend and returns its outputs as plain arrays. */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await useNodeBackend(backend);
  const outs = tf.tidy(f);
  const values = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(outs);
  return values;
}

function seeded(shape: number[], seed: number): () => tf.Tensor {
  return () => tf.randomNormal(shape, 0, 1, 'float32', seed);
}

function expectClose(a: Float32Array, b: Float32Array, tol: number) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  expect(worst).toBeLessThan(tol);
}

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(() => useNodeBackend('wasm'));

  const cases: Array<{ name: string; x: number[]; f: number[]; strides: [number, number]; pad: 'same' | 'valid' }> = [
    { name: '3x3 same, stride 1', x: [4, 9, 9, 3], f: [3, 3, 3, 5], strides: [1, 1], pad: 'same' },
    { name: '3x3 valid, stride 1', x: [2, 8, 7, 2], f: [3, 3, 2, 4], strides: [1, 1], pad: 'valid' },
    { name: '5x5 same, stride 2, odd size', x: [3, 11, 10, 4], f: [5, 5, 4, 6], strides: [2, 2], pad: 'same' },
    { name: '2x3 valid, stride (2,1)', x: [2, 9, 8, 1], f: [2, 3, 1, 3], strides: [2, 1], pad: 'valid' },
    { name: '1x1', x: [2, 5, 5, 3], f: [1, 1, 3, 2], strides: [1, 1], pad: 'same' },
    { name: '2x2 same, stride 1 (uneven padding)', x: [2, 7, 6, 3], f: [2, 2, 3, 4], strides: [1, 1], pad: 'same' },
    { name: '4x3 same, stride 1', x: [2, 9, 8, 2], f: [4, 3, 2, 3], strides: [1, 1], pad: 'same' },
  ];

  for (const c of cases) {
    it(`matches the CPU backend's filter gradient: ${c.name}`, async () => {
      const grads = () => {
        const x = seeded(c.x, 1)();
        const w = seeded(c.f, 2)();
        const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) =>
          tf
            .conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, c.strides, c.pad)
            .square()
            .sum(),
        );
        return g([x, w]);
      };
      const [cpuDx, cpuDw] = await on('cpu', grads);
      const [wasmDx, wasmDw] = await on('wasm', grads);
      expectClose(wasmDw, cpuDw, 1e-4);
      expectClose(wasmDx, cpuDx, 1e-4);
    });
  }

  it('frees every intermediate it makes', async () => {
    await useNodeBackend('wasm');
    const x = tf.randomNormal([2, 6, 6, 2]) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 2, 3]) as tf.Tensor4D;
    const filterGrad = tf.grad((ww: tf.Tensor) => tf.conv2d(x, ww as tf.Tensor4D, 2, 'same').sum());
    filterGrad(w).dispose(); // first call may allocate backend-level caches
    const tensors = tf.memory().numTensors;
    const dataIds = tf.backend().numDataIds();
    for (let i = 0; i < 5; i++) filterGrad(w).dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(dataIds);
    tf.dispose([x, w]);
  });
});

describe('UnsortedSegmentSum on wasm', () => {
  it('matches the CPU backend, including repeated and out-of-range ids', async () => {
    const run = () => {
      const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [6, 2]);
      const ids = tf.tensor1d([0, 2, 0, 3, -1, 2], 'int32');
      return [tf.unsortedSegmentSum(x, ids, 4)];
    };
    const [cpu] = await on('cpu', run);
    const [wasm] = await on('wasm', run);
    expect(Array.from(wasm)).toEqual(Array.from(cpu));
    expect(Array.from(wasm)).toEqual([1 + 5, 2 + 6, 0, 0, 3 + 11, 4 + 12, 7, 8]);
  });

  it("gives an Embedding layer the CPU backend's gradient", async () => {
    const grads = () => {
      const table = seeded([20, 4], 3)();
      const ids = tf.tensor2d(
        [
          [1, 5, 5, 19],
          [0, 1, 7, 7],
        ],
        [2, 4],
        'int32',
      );
      const g = tf.grad((t: tf.Tensor) =>
        tf
          .gather(t, ids)
          .mul(tf.range(1, 33).reshape([2, 4, 4]))
          .sum(),
      );
      return [g(table)];
    };
    const [cpu] = await on('cpu', grads);
    const [wasm] = await on('wasm', grads);
    expectClose(wasm, cpu, 1e-6);
  });
});

describe('BatchMatMul with transposed operands on wasm', () => {
  const cases: Array<{ a: number[]; b: number[]; ta: boolean; tb: boolean }> = [
    { a: [7, 5], b: [7, 3], ta: true, tb: false },
    { a: [5, 7], b: [3, 7], ta: false, tb: true },
    { a: [7, 5], b: [3, 7], ta: true, tb: true },
    { a: [4, 7, 5], b: [4, 6, 7], ta: true, tb: true },
    { a: [4, 5, 7], b: [1, 3, 7], ta: false, tb: true }, // broadcast batch
    { a: [2, 3, 9, 4], b: [2, 3, 9, 6], ta: true, tb: false }, // rank 4
  ];
  for (const c of cases) {
    it(`matches the CPU backend: a${JSON.stringify(c.a)} b${JSON.stringify(c.b)} transposeA=${c.ta} transposeB=${c.tb}`, async () => {
      const product = () => [tf.matMul(seeded(c.a, 5)(), seeded(c.b, 6)(), c.ta, c.tb)];
      const [cpu] = await on('cpu', product);
      const [wasm] = await on('wasm', product);
      expectClose(wasm, cpu, 1e-5);
    });
  }

  it('frees the transposed copies', async () => {
    await useNodeBackend('wasm');
    const a = tf.randomNormal([6, 4]);
    const b = tf.randomNormal([5, 4]);
    tf.matMul(a, b, false, true).dispose();
    const dataIds = tf.backend().numDataIds();
    for (let i = 0; i < 3; i++) tf.matMul(a, b, false, true).dispose();
    expect(tf.backend().numDataIds()).toBe(dataIds);
    tf.dispose([a, b]);
  });
});
