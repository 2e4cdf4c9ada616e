/**
 * Temperature ("diversity") sampling as the seed did it: p_i ∝ exp(log(p_i) / diversity), in float64.
 * Padding and unknown ids are never drawn: they are not words a person could read.
 */
import type { Random } from '../common/random';

/** log softmax in float64 of float32 logits (subtracting the max keeps exp in range). */
export function logSoftmax64(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  const offset = max + Math.log(sum);
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i] - offset;
  return out;
}

/**
 * The distribution the seed sampled from, with `excluded` ids at probability 0, renormalized.
 * Takes log-probabilities or raw logits alike: they differ by a constant, which the normalization
 * cancels, so the hot path skips a separate log-softmax (one exp per word of the vocabulary, not two).
 */
export function temperatureDistribution(logProbabilities: ArrayLike<number>, diversity: number, excluded: readonly number[] = []): Float64Array {
  if (!(diversity > 0)) throw new RangeError(`Diversity must be positive, got ${diversity}.`);
  const n = logProbabilities.length;
  const isExcluded = new Uint8Array(n);
  for (const id of excluded) if (id >= 0 && id < n) isExcluded[id] = 1;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (!isExcluded[i] && logProbabilities[i] > max) max = logProbabilities[i];
  if (max === -Infinity) throw new Error('No word is left to sample from.');
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (isExcluded[i]) continue;
    const p = Math.exp((logProbabilities[i] - max) / diversity); // same ratios as exp(log p / diversity)
    out[i] = p;
    sum += p;
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** One draw: the first index whose cumulative probability exceeds a uniform number. */
export function sampleIndex(probabilities: Float64Array, random: Random): number {
  const u = random();
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < probabilities.length; i++) {
    if (probabilities[i] === 0) continue;
    cumulative += probabilities[i];
    last = i;
    if (u < cumulative) return i;
  }
  return last; // rounding left the total a hair under u
}

// Reused between words: generation runs one word at a time, and 80 KB per word adds up.
let weights = new Float64Array(0);

/**
 * sampleIndex(temperatureDistribution(…)) in one pass and no allocation, for the generation loop:
 * the unnormalized weights exp((logit - max) / diversity) are drawn from directly, with the uniform
 * number scaled by their sum instead of every weight divided by it.
 */
export function sampleWithTemperature(logits: ArrayLike<number>, diversity: number, excluded: readonly number[], random: Random): number {
  if (!(diversity > 0)) throw new RangeError(`Diversity must be positive, got ${diversity}.`);
  const n = logits.length;
  if (weights.length < n) weights = new Float64Array(n);
  const isExcluded = (i: number) => excluded.includes(i);
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i] > max && !isExcluded(i)) max = logits[i];
  if (max === -Infinity) throw new Error('No word is left to sample from.');
  for (let i = 0; i < n; i++) weights[i] = Math.exp((logits[i] - max) / diversity);
  for (const id of excluded) if (id >= 0 && id < n) weights[id] = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const u = random() * sum;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    cumulative += weights[i];
    last = i;
    if (u < cumulative) return i;
  }
  return last;
}
