/**
 * Otsu's threshold: the level that best splits a histogram into two classes (largest
 * between-class variance). Used on ink darkness, so the cut fits each picture's pen and paper.
 */
const BINS = 128;

/** Otsu's level over the values in [0, 1] that are above `floor` (paper noise stays out of the histogram). */
export function otsuThreshold(values: Float32Array, floor = 0): number {
  const hist = new Float64Array(BINS);
  let count = 0,
    sum = 0;
  for (const v of values) {
    if (v <= floor) continue;
    const bin = Math.min(BINS - 1, Math.floor(v * BINS));
    hist[bin]++;
    count++;
    sum += bin;
  }
  if (count === 0) return 1;
  let best = 0,
    bestLevel = floor;
  let below = 0,
    belowSum = 0;
  for (let t = 0; t < BINS - 1; t++) {
    below += hist[t];
    belowSum += t * hist[t];
    const above = count - below;
    if (below === 0 || above === 0) continue;
    const diff = belowSum / below - (sum - belowSum) / above;
    const between = below * above * diff * diff;
    if (between > best) {
      best = between;
      bestLevel = (t + 1) / BINS;
    }
  }
  return bestLevel;
}
