/**
 * The JSON Cryptonic's Flask app answered on GET /predict, with each value dated:
 * {"message": ..., "period_length": 7, "result": [{"date": "YYYY-MM-DD", "prediction": 12345.67}, ...], "success": true}
 */
import { PERIOD_LENGTH } from './constants.ts';
import type { ForecastDay } from './predict.ts';

export interface PredictPayload {
  message: string;
  period_length: number;
  result: ForecastDay[];
  success: boolean;
}

export const PREDICT_MESSAGE = 'API for making predictions.';

/** Prices rounded to cents, as a price is shown. */
export function predictPayload(days: readonly ForecastDay[], message: string = PREDICT_MESSAGE): PredictPayload {
  return {
    message,
    period_length: PERIOD_LENGTH,
    result: days.map((d) => ({ date: d.date, prediction: Math.round(d.prediction * 100) / 100 })),
    success: true,
  };
}

/** What the page shows as JSON when there is no forecast: the reason, and no values. */
export function failedPayload(message: string): PredictPayload {
  return { message, period_length: PERIOD_LENGTH, result: [], success: false };
}
