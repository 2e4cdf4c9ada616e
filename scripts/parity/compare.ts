/**
 * How far a backend's answers are from the golden ones, per task: the largest difference of any
 * output, and the share of answers that agree. The matrix spec asserts on these; the bench records them.
 */
import type { GreedyStep } from '../../src/models/text/greedy-top.ts';
import type { Golden, GoldenImage } from './golden-format.ts';

export interface Measured {
  digits: Array<{ digit: number; probabilities: number[] }>;
  images: { shipped: GoldenImage[]; byo: GoldenImage[] };
  text: Array<{ prompt: string; steps: GreedyStep[]; words: string[] }>;
  forecast: { prediction: number[]; retrain: { losses: number[]; prediction: number[] } };
}

export interface Cell {
  /** Largest |Δ| of any output (digits, images: probabilities; text: top-5 probabilities; forecast: relative). */
  maxAbsDiff: number;
  /** 0–1: same top-1 answers (text: greedy words that match; forecast: 1 if within 0.1 % and 1 %, see below). */
  top1Agreement: number;
}

export type Task = keyof Measured;
export const TASKS: Task[] = ['digits', 'images', 'text', 'forecast'];

const argmax = (p: readonly number[]) => p.reduce((best, v, i) => (v > p[best] ? i : best), 0);

/** |a − b| that counts NaN or infinity as infinitely far. */
const gap = (a: number, b: number) => {
  const d = Math.abs(a - b);
  return Number.isFinite(d) ? d : Infinity;
};

function compareVectors(golden: Array<{ probabilities: number[] }>, measured: Array<{ probabilities: number[] }>): Cell {
  let maxAbsDiff = 0;
  let same = 0;
  measured.forEach((m, i) => {
    const g = golden[i].probabilities;
    m.probabilities.forEach((p, j) => (maxAbsDiff = Math.max(maxAbsDiff, gap(p, g[j]))));
    if (argmax(m.probabilities) === argmax(g)) same++;
  });
  return { maxAbsDiff, top1Agreement: measured.length ? same / measured.length : 0 };
}

export function compareDigits(golden: Golden, measured: Measured['digits']): Cell {
  return compareVectors(
    measured.map((m) => golden.digits.find((g) => g.digit === m.digit)!),
    measured,
  );
}

export function compareImages(golden: Golden, measured: Measured['images']): Cell {
  const pick = (list: GoldenImage[], of: GoldenImage[]) => of.map((m) => list.find((g) => g.photo === m.photo)!);
  return compareVectors(
    [...pick(golden.images.shipped, measured.shipped), ...pick(golden.images.byo, measured.byo)],
    [...measured.shipped, ...measured.byo],
  );
}

/**
 * Text: words compared position by position; probabilities rank by rank, up to and including the
 * first step whose word differs (after that the two read different text, so the numbers are not comparable).
 */
export function compareText(golden: Golden, measured: Measured['text']): Cell & { wordsMatched: number; words: number } {
  let maxAbsDiff = 0;
  let matched = 0;
  let total = 0;
  for (const m of measured) {
    const g = golden.text.find((t) => t.prompt === m.prompt)!;
    total += g.words.length;
    let diverged = false;
    m.steps.forEach((step, i) => {
      if (!diverged) step.probabilities.forEach((p, r) => (maxAbsDiff = Math.max(maxAbsDiff, gap(p, g.steps[i].probabilities[r]))));
      if (step.ids[0] === g.steps[i].ids[0]) matched++;
      else diverged = true;
    });
  }
  return { maxAbsDiff, top1Agreement: total ? matched / total : 0, wordsMatched: matched, words: total };
}

const relativeGap = (a: readonly number[], b: readonly number[]) =>
  a.reduce((worst, v, i) => Math.max(worst, gap(v, b[i]) / Math.abs(b[i])), a.length === b.length ? 0 : Infinity);

/** Forecast, relative to the golden values: the prediction, the retraining's losses, the retrained prediction. */
export function compareForecast(
  golden: Golden,
  measured: Measured['forecast'],
): Cell & { prediction: number; losses: number; retrainedPrediction: number } {
  const prediction = relativeGap(measured.prediction, golden.forecast.prediction);
  const losses = relativeGap(measured.retrain.losses, golden.forecast.retrain.losses);
  const retrainedPrediction = relativeGap(measured.retrain.prediction, golden.forecast.retrain.prediction);
  return {
    maxAbsDiff: Math.max(prediction, losses, retrainedPrediction),
    // The bar: the forecast within 0.1 %, the retraining's losses within 1 %.
    top1Agreement: prediction <= 1e-3 && losses <= 1e-2 ? 1 : 0,
    prediction,
    losses,
    retrainedPrediction,
  };
}

export function compareAll(
  golden: Golden,
  measured: Measured,
): { digits: Cell; images: Cell; text: ReturnType<typeof compareText>; forecast: ReturnType<typeof compareForecast> } {
  return {
    digits: compareDigits(golden, measured.digits),
    images: compareImages(golden, measured.images),
    text: compareText(golden, measured.text),
    forecast: compareForecast(golden, measured.forecast),
  };
}
