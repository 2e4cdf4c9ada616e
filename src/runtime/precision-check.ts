/**
 * Does this backend compute in full float32? Many phone GPUs render tfjs's WebGL textures in half
 * floats (about 3 significant digits), and packed kernels have given wrong answers on some GPUs:
 * both change a model's answers silently. This runs, once at start-up, small computations shaped
 * like what the four models do (a convolution, a matMul, LSTM gates, a 10,000-way log-softmax)
 * and compares them with the same computed in float64 here. Float32 errs by ~1e-6 on these;
 * half floats by ~1e-2, so the tolerances below separate the two with a wide margin.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Deterministic inputs in [-scale, scale], the same on every device, already rounded to float32 so
 * that the float64 reference starts from exactly what the backend gets.
 */
const wave = (n: number, scale: number, phase: number) => Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i * 0.618 + phase));

export interface PrecisionCheck {
  name: string;
  /** The largest absolute difference from the float64 reference. */
  maxError: number;
  tolerance: number;
}

/** The largest |actual − expected|; NaN or infinity where a finite value was expected counts as infinite. */
export function maxAbsError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    worst = Math.max(worst, Number.isFinite(d) ? d : Infinity);
  }
  return worst;
}

function logSoftmaxReference(x: Float32Array): Float64Array {
  const max = Math.max(...x);
  let sum = 0;
  for (const v of x) sum += Math.exp(v - max);
  const log = Math.log(sum) + max;
  return Float64Array.from(x, (v) => v - log);
}

function matMulReference(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let t = 0; t < k; t++) out[i * n + j] += a[i * k + t] * b[t * n + j];
  return out;
}

/** 'valid' 3×3 convolution, NHWC input [1,h,w,c], HWIO kernel [3,3,c,f]. */
function convReference(x: Float32Array, kernel: Float32Array, h: number, w: number, c: number, f: number): Float64Array {
  const oh = h - 2;
  const ow = w - 2;
  const out = new Float64Array(oh * ow * f);
  for (let y = 0; y < oh; y++)
    for (let xx = 0; xx < ow; xx++)
      for (let o = 0; o < f; o++) {
        let sum = 0;
        for (let dy = 0; dy < 3; dy++)
          for (let dx = 0; dx < 3; dx++)
            for (let i = 0; i < c; i++) sum += x[((y + dy) * w + xx + dx) * c + i] * kernel[((dy * 3 + dx) * c + i) * f + o];
        out[(y * ow + xx) * f + o] = sum;
      }
  return out;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Runs each check on the current backend; returns all of them (the caller decides what fails). */
export async function checkPrecision(): Promise<PrecisionCheck[]> {
  const checks: PrecisionCheck[] = [];
  const run = async (name: string, tolerance: number, compute: () => tf.Tensor, expected: Float64Array) => {
    const result = tf.tidy(compute);
    try {
      checks.push({ name, maxError: maxAbsError(await result.data(), expected), tolerance });
    } finally {
      result.dispose();
    }
  };

  // The text model's output: 10,000 words, logits up to ±12. Half floats step by 0.008 there.
  const logits = wave(10_000, 12, 0.3);
  await run('10,000-way log-softmax', 2e-3, () => tf.logSoftmax(tf.tensor1d(logits)), logSoftmaxReference(logits));

  // An LSTM step's matMul (256 inputs) and its gates.
  const [m, k, n] = [8, 256, 64];
  const a = wave(m * k, 1, 0.1);
  const b = wave(k * n, 0.2, 0.7);
  await run(
    'matMul (8×256 · 256×64)',
    2e-3,
    () => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])),
    matMulReference(a, b, m, k, n),
  );
  const gates = wave(1024, 8, 1.1);
  await run(
    'LSTM gates (sigmoid · tanh)',
    1e-4,
    () => tf.mul(tf.sigmoid(tf.tensor1d(gates)), tf.tanh(tf.tensor1d(gates))),
    Float64Array.from(gates, (v) => sigmoid(v) * Math.tanh(v)),
  );

  // A first convolution layer on a picture's pixel values (0–255 scale, as VGG preprocessing leaves them).
  const [h, w, c, f] = [10, 10, 3, 8];
  const pixels = wave(h * w * c, 120, 0.5);
  const kernel = wave(9 * c * f, 0.05, 0.9);
  await run(
    '3×3 convolution',
    5e-3,
    () => tf.conv2d(tf.tensor4d(pixels, [1, h, w, c]), tf.tensor4d(kernel, [3, 3, c, f]), 1, 'valid'),
    convReference(pixels, kernel, h, w, c, f),
  );
  return checks;
}

/** Plain words for the checks that failed, or null when every one held. */
export function precisionProblem(checks: PrecisionCheck[]): string | null {
  const failed = checks.filter((c) => !(c.maxError <= c.tolerance));
  if (failed.length === 0) return null;
  return failed.map((c) => `${c.name} off by ${c.maxError.toPrecision(2)} (float32 is within ${c.tolerance})`).join('; ');
}
