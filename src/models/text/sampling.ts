/**
 * Temperature ("diversity") sampling as the original app did it: p_i ∝ exp(log(p_i) / diversity), in float64.
 * Padding and unknown ids are never drawn: they are not words a person could read.
 */
import type { Random } from '../common/random.ts';

/**
 * Writes the unnormalized weights exp((logit_i - max) / diversity) into `out` (0 for `excluded`
 * ids) and returns their sum. Log-probabilities or raw logits alike: they differ by a constant,
 * which the normalization cancels, so the hot path skips a separate log-softmax.
 */
function temperatureWeights(logits: ArrayLike<number>, diversity: number, excluded: readonly number[], out: Float64Array): number {
  if (!(diversity > 0)) throw new RangeError(`Diversity must be positive, got ${diversity}.`);
  const n = logits.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i] > max && !excluded.includes(i)) max = logits[i];
  if (max === -Infinity) throw new Error('No word is left to sample from.');
  for (let i = 0; i < n; i++) out[i] = Math.exp((logits[i] - max) / diversity); // same ratios as exp(log p / diversity)
  for (const id of excluded) if (id >= 0 && id < n) out[id] = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i];
  return sum;
}

/** One draw: the first index whose cumulative weight exceeds a uniform number scaled to `total`. */
function drawIndex(weights: Float64Array, total: number, random: Random): number {
  const u = random() * total;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    cumulative += weights[i];
    last = i;
    if (u < cumulative) return i;
  }
  return last; // rounding left the total a hair under u
}

/** The distribution the original app sampled from, with `excluded` ids at probability 0, renormalized. */
export function temperatureDistribution(
  logProbabilities: ArrayLike<number>,
  diversity: number,
  excluded: readonly number[] = [],
): Float64Array {
  const out = new Float64Array(logProbabilities.length);
  const sum = temperatureWeights(logProbabilities, diversity, excluded, out);
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** One draw from a probability distribution. */
export function sampleIndex(probabilities: Float64Array, random: Random): number {
  return drawIndex(probabilities, 1, random);
}

// Reused between words: generation runs one word at a time, and 80 KB per word adds up.
let weights = new Float64Array(0);

/**
 * sampleIndex(temperatureDistribution(…)) without the allocation and the division pass, for the
 * generation loop: it draws from the unnormalized weights with the uniform number scaled by their sum.
 */
export function sampleWithTemperature(logits: ArrayLike<number>, diversity: number, excluded: readonly number[], random: Random): number {
  if (weights.length < logits.length) weights = new Float64Array(logits.length);
  const own = weights.subarray(0, logits.length);
  return drawIndex(own, temperatureWeights(logits, diversity, excluded, own), random);
}
