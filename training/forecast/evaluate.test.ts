import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/models/forecast/dates.ts';
import { createForecastModel } from '../../src/models/forecast/model.ts';
import type { PriceRow } from '../../src/models/forecast/parse-yahoo-csv.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { BOOK_SPLIT, bookSplit, validationSplit } from './book-split.ts';
import { backtest, METRIC_NAMES, toMeasurements } from './evaluate.ts';

/** A made-up straight line, close = 100 + t, over the book's dates and a few days either side. */
function line(): PriceRow[] {
  const start = addDays(BOOK_SPLIT.trainStart, -3);
  const days = daysBetween(start, BOOK_SPLIT.testEnd) + 5;
  return Array.from({ length: days }, (_, t) => ({ date: addDays(start, t), close: 100 + t }));
}

/** A model that always predicts "no change" (all weights 0): its forecasts are the naive ones. */
function zeroModel(): tf.LayersModel {
  const model = createForecastModel();
  model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
  return model;
}

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe("the book's split", () => {
  it('is 187 Monday–Sunday train weeks and 21 test weeks', () => {
    const split = bookSplit(line());
    expect(split.weeks).toHaveLength(208);
    expect(split.firstTest).toBe(187);
    expect(split.weeks[0].dates[0]).toBe('2016-01-04');
    expect(split.weeks[186].dates[6]).toBe('2019-08-04');
    expect(split.weeks[187].dates[0]).toBe('2019-08-05');
    expect(split.weeks[207].dates[6]).toBe('2019-12-29');
    const validation = validationSplit(split);
    expect(validation.weeks).toHaveLength(187);
    expect(validation.firstTest).toBe(166);
  });

  it('refuses data with a missing day', () => {
    const rows = line().filter((r) => r.date !== '2018-05-05');
    expect(() => bookSplit(rows)).toThrow(/one close for every day from 2016-01-04 to 2019-12-29 \(1456\); found 1455/);
  });
});

describe('backtest', () => {
  it('measures "no change" as the naive baseline, in both protocols, with hand-computed RMSE', async () => {
    const model = zeroModel();
    const result = await backtest(model, bookSplit(line()));
    model.dispose();
    expect(result.n).toBe(147);
    const m = result.metrics;
    // On a line rising 1 a day: the book's base (the week's first close) is off by 0…6 on the
    // week's days, mean square 91 / 7 = 13; the honest base (the close before) by 1…7, 140 / 7 = 20.
    expect(m.naive_rmse_book).toBeCloseTo(Math.sqrt(13), 9);
    expect(m.naive_rmse_honest).toBeCloseTo(Math.sqrt(20), 9);
    expect(m.rmse_book).toBeCloseTo(m.naive_rmse_book, 3);
    expect(m.rmse_honest).toBeCloseTo(m.naive_rmse_honest, 3);
    expect(m.mape_book).toBeCloseTo(m.naive_mape_book, 3);
    expect(m.mape_honest).toBeCloseTo(m.naive_mape_honest, 3);
    expect(m.naive_mape_honest).toBeGreaterThan(m.naive_mape_book);
  });

  it('reports the eight metrics by name for npm run eval', async () => {
    const model = zeroModel();
    const rows = toMeasurements(await backtest(model, bookSplit(line())));
    model.dispose();
    expect(rows.map((r) => r.metric)).toEqual([...METRIC_NAMES]);
    expect(rows.every((r) => r.model === 'forecast' && r.n === 147 && Number.isFinite(r.value))).toBe(true);
  });
});
