/**
 * A classifier's raw output → class probabilities. Models trained with Keras usually end in softmax
 * (already probabilities); a converted model may instead end in logits, or in one sigmoid unit
 * (binary: P(class 1)). Each case is recognised from the numbers, so the bars always sum to 1.
 */
export function toProbabilities(output: ArrayLike<number>): number[] {
  const values = Array.from(output);
  if (values.length === 0) throw new Error('the model produced no output');
  if (values.some((v) => !Number.isFinite(v))) throw new Error('the model produced NaN or infinite outputs; its weights may be broken');
  if (values.length === 1) {
    // One sigmoid unit (or one logit): P(class 1); class 0 gets the rest.
    const p = values[0] >= 0 && values[0] <= 1 ? values[0] : 1 / (1 + Math.exp(-values[0]));
    return [1 - p, p];
  }
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.every((v) => v >= 0) && Math.abs(sum - 1) < 1e-3) return values.map((v) => v / sum);
  // Logits: a numerically stable softmax.
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Indices of the k largest probabilities, largest first. */
export function topK(probabilities: readonly number[], k: number): number[] {
  return probabilities
    .map((p, i) => [p, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i);
}
