import { describe, expect, it } from 'vitest';
import { DIGIT_SIZE } from '../../src/models/digits/constants.ts';
import { normalizeDigit } from '../../src/models/digits/normalize.ts';
import { forecastNextWeek } from '../../src/models/forecast/predict.ts';
import { layersModelFrom } from '../../src/runtime/model-package.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { decodeFloats, readGolden } from './golden-format.ts';
import { DIGITS, digitDrawing, forecastPrices, GREEDY_STEPS, PHOTOS, PROMPTS, RETRAIN_EPOCHS, TOP_K } from './inputs.ts';
import { readModelPackage } from './read-package.ts';

const golden = readGolden();
const isDistribution = (p: number[], n: number) =>
  p.length === n && p.every((v) => v >= 0 && v <= 1) && Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5;

describe('parity golden answers (e2e/fixtures/parity-golden.json, written by npm run golden)', () => {
  it('hold every input, in the expected shapes', () => {
    expect(golden.made.backend).toBe('cpu');
    expect(golden.digits.map((d) => d.digit)).toEqual(DIGITS);
    for (const d of golden.digits) {
      expect(decodeFloats(d.input)).toHaveLength(DIGIT_SIZE * DIGIT_SIZE);
      expect(isDistribution(d.probabilities, 10)).toBe(true);
    }
    for (const path of [golden.images.shipped, golden.images.byo]) {
      expect(path.map((i) => i.photo)).toEqual(PHOTOS);
      for (const image of path) expect(isDistribution(image.probabilities, 2)).toBe(true);
    }
    expect(golden.text.map((t) => t.prompt)).toEqual(PROMPTS);
    for (const t of golden.text) {
      expect(t.steps).toHaveLength(GREEDY_STEPS);
      expect(t.words).toHaveLength(GREEDY_STEPS);
      for (const step of t.steps) {
        expect(step.ids).toHaveLength(TOP_K);
        expect(step.probabilities).toEqual([...step.probabilities].sort((a, b) => b - a));
      }
    }
    expect(golden.forecast.prediction).toHaveLength(7);
    expect(golden.forecast.retrain.losses).toHaveLength(RETRAIN_EPOCHS);
    expect(golden.forecast.retrain.losses.every(Number.isFinite)).toBe(true);
    expect(golden.forecast.retrain.prediction).toHaveLength(7);
  });

  it('are still what the current code computes (a digit input, and the forecast)', async () => {
    // The app's preprocessing of a rasterized test digit, bit for bit.
    expect(Array.from(normalizeDigit(digitDrawing(7))!)).toEqual(Array.from(decodeFloats(golden.digits[7].input)));
    await useNodeBackend('cpu');
    const model = await layersModelFrom(readModelPackage('forecast'));
    const forecast = await forecastNextWeek(model, forecastPrices());
    model.dispose();
    forecast.days.forEach((day, i) => expect(day.prediction).toBeCloseTo(golden.forecast.prediction[i], 6));
  });
});
