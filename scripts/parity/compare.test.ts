import { describe, expect, it } from 'vitest';
import { compareAll, compareText, type Measured } from './compare.ts';
import { readGolden } from './golden-format.ts';

const golden = readGolden();
/** The golden answers as if a backend had given them (a deep copy to change). */
const asMeasured = (): Measured =>
  structuredClone({
    digits: golden.digits.map(({ digit, probabilities }) => ({ digit, probabilities })),
    images: golden.images,
    text: golden.text,
    forecast: golden.forecast,
  });

describe('parity comparison', () => {
  it('finds no difference between the golden answers and themselves', () => {
    const cells = compareAll(golden, asMeasured());
    for (const cell of Object.values(cells)) expect(cell).toMatchObject({ maxAbsDiff: 0, top1Agreement: 1 });
  });

  it('counts a changed top-1 answer and the largest difference', () => {
    const measured = asMeasured();
    measured.digits = measured.digits.slice(0, 2);
    measured.digits[1].probabilities = measured.digits[1].probabilities.map((_, i) => (i === 0 ? 1 : 0)); // the 1 read as 0
    const cells = compareAll(golden, measured);
    expect(cells.digits.top1Agreement).toBe(0.5);
    expect(cells.digits.maxAbsDiff).toBeGreaterThan(0.9);
  });

  it('text: words compared one by one, probabilities only until the first different word', () => {
    const measured = asMeasured();
    const steps = measured.text[0].steps;
    steps[10].ids[0] = -1; // a different word at step 11
    steps[20].probabilities[0] += 0.5; // after it: not comparable, not counted
    const cell = compareText(golden, measured.text);
    expect(cell.wordsMatched).toBe(cell.words - 1);
    expect(cell.maxAbsDiff).toBe(0);
  });

  it('forecast: relative differences, and NaN from a diverged training counts as infinitely far', () => {
    const measured = asMeasured();
    measured.forecast.prediction = measured.forecast.prediction.map((p) => p * 1.0005);
    expect(compareAll(golden, measured).forecast).toMatchObject({ top1Agreement: 1 });
    measured.forecast.retrain.losses = [NaN];
    expect(compareAll(golden, measured).forecast).toMatchObject({ top1Agreement: 0, maxAbsDiff: Infinity });
  });
});
