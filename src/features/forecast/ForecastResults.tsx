/** The forecast as a table (one row per day) and the held-out scores of the model beside the naive forecast's. */
import { memo } from 'react';
import type { ErrorMeasures, HeldOutMetrics } from '../../models/forecast/held-out.ts';
import type { WeekForecast } from '../../models/forecast/predict.ts';
import { formatDay, formatRange, formatUsd } from './format.ts';

// Both memoized: they change only with a new forecast, not as the page around them does.
export const ForecastTable = memo(function ForecastTable({ forecast }: { forecast: WeekForecast }) {
  return (
    <table className="forecast-table" data-testid="forecast-table">
      <caption>
        The next 7 days after {forecast.lastDate} (last close {formatUsd(forecast.lastClose)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Predicted close</th>
          <th scope="col">vs last close</th>
        </tr>
      </thead>
      <tbody>
        {forecast.days.map((day) => (
          <tr key={day.date} data-date={day.date}>
            <th scope="row">{formatDay(day.date)}</th>
            <td className="number" data-prediction={day.prediction.toFixed(2)}>
              {formatUsd(day.prediction)}
            </td>
            <td className="number">{signedPercent(day.prediction / forecast.lastClose - 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

function signedPercent(change: number): string {
  return `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(2)}%`;
}

function Measures({ title, measures, testId }: { title: string; measures: ErrorMeasures; testId: string }) {
  return (
    <div className="measures" data-testid={testId}>
      <h3>{title}</h3>
      <dl>
        <dt>MSE (normalized)</dt>
        <dd data-metric="mse">{measures.mseNormalized.toFixed(5)}</dd>
        <dt>RMSE</dt>
        <dd data-metric="rmse">{formatUsd(measures.rmseUsd)}</dd>
        <dt>MAPE</dt>
        <dd data-metric="mape">{measures.mapePercent.toFixed(2)}%</dd>
      </dl>
    </div>
  );
}

export const ForecastMetrics = memo(function ForecastMetrics({ metrics }: { metrics: HeldOutMetrics | null }) {
  if (!metrics) {
    return (
      <p className="muted" data-testid="forecast-metrics">
        Too few weeks to hold any out, so the forecast cannot be scored. Four weeks of prices or more give a score.
      </p>
    );
  }
  return (
    <section className="forecast-scores" aria-labelledby="forecast-scores-title">
      <h2 id="forecast-scores-title">Scores on held-out weeks</h2>
      <p className="muted small">
        One week ahead on the {metrics.range.weeks} most recent weeks, {formatRange(metrics.range)}, which training on this device leaves
        out; each week predicted from all weeks before it, in prices from the last close before it.
      </p>
      <div className="scores-row">
        <Measures title="This model" measures={metrics.model} testId="forecast-metrics" />
        <Measures title="Naive: last close repeated" measures={metrics.naive} testId="forecast-baseline" />
      </div>
    </section>
  );
});
