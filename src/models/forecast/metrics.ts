/** Error measures of a forecast. The book reports MSE on normalized weeks, RMSE in USD and MAPE. */

function check(actual: ArrayLike<number>, predicted: ArrayLike<number>): void {
  if (actual.length !== predicted.length) throw new Error(`metrics: ${actual.length} actual values but ${predicted.length} predictions`);
  if (actual.length === 0) throw new Error('metrics: no values');
}

/** Mean squared error; used on normalized values (the training loss). */
export function mse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - predicted[i]) ** 2;
  return sum / actual.length;
}

/** Root mean squared error, in the unit of the values (USD for prices). */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return Math.sqrt(mse(actual, predicted));
}

/** Mean absolute percentage error, in percent (5.3 means 5.3%). */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
  return (100 * sum) / actual.length;
}
