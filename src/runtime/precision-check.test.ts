import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPrecision, maxAbsError, precisionProblem } from './precision-check.ts';

/** Rounds to the nearest half float (11 significant bits), as a phone GPU's textures do. */
const toHalf = (v: number) => {
  if (v === 0 || !Number.isFinite(v)) return v;
  const exponent = Math.floor(Math.log2(Math.abs(v)));
  const step = 2 ** (exponent - 10);
  return Math.round(v / step) * step;
};

describe('the start-up precision check', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('passes on a float32 backend (tfjs CPU), and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const checks = await checkPrecision();
    expect(checks).toHaveLength(4);
    expect(precisionProblem(checks)).toBeNull();
    for (const c of checks) expect(c.maxError).toBeLessThan(c.tolerance / 10); // a wide margin, not a near miss
    expect(tf.memory().numTensors).toBe(before);
  });

  it("tells half floats apart: a phone texture's rounding of the logits alone is far beyond the tolerance", async () => {
    const checks = await checkPrecision();
    const logits = Float64Array.from({ length: 10_000 }, (_, i) => Math.fround(12 * Math.sin(i * 0.618 + 0.3)));
    const halfError = maxAbsError(logits.map(toHalf), logits);
    expect(halfError).toBeGreaterThan(checks[0].tolerance);
    const asOnAPhone = [{ ...checks[0], maxError: halfError }, ...checks.slice(1)];
    expect(precisionProblem(asOnAPhone)).toMatch(/^10,000-way log-softmax off by 0\.00\d+ \(float32 is within 0\.002\)$/);
  });

  it('counts NaN and infinity as failures', () => {
    expect(maxAbsError([NaN, 1], [0, 1])).toBe(Infinity);
    expect(precisionProblem([{ name: 'x', maxError: NaN, tolerance: 1 }])).toMatch(/^x off by NaN/);
  });
});
