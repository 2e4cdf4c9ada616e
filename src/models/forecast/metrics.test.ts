import { describe, expect, it } from 'vitest';
import { mape, mse, rmse } from './metrics.ts';

describe('metrics', () => {
  // errors 10, −20, 0
  const actual = [100, 200, 400];
  const predicted = [110, 180, 400];

  it('MSE = (100 + 400 + 0) / 3', () => expect(mse(actual, predicted)).toBeCloseTo(500 / 3, 12));
  it('RMSE = √(500 / 3)', () => expect(rmse(actual, predicted)).toBeCloseTo(12.909944487358056, 12));
  it('MAPE = (10/100 + 20/200 + 0) / 3, in percent', () => expect(mape(actual, predicted)).toBeCloseTo(6.666666666666667, 12));
  it('MSE of normalized values', () => expect(mse([0, 0.1, -0.1], [0, 0, 0])).toBeCloseTo(0.02 / 3, 15));
  it('rejects mismatched or empty input', () => {
    expect(() => rmse([1, 2], [1])).toThrow('2 actual values but 1 predictions');
    expect(() => mape([], [])).toThrow('no values');
  });
});
