/** The last six months of closes and the next 7 days, as a small hand-written SVG. */
import { memo } from 'react';
import { addDays } from '../../models/forecast/dates.ts';
import type { PriceRow } from '../../models/forecast/parse-yahoo-csv.ts';
import type { ForecastDay } from '../../models/forecast/predict.ts';
import { formatUsd } from './format.ts';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 24 };
const HISTORY_DAYS = 183;

/** Memoized: the page re-renders while a person types or trains; the chart changes only with its data. */
export const PriceChart = memo(function PriceChart({ rows, forecast }: { rows: readonly PriceRow[]; forecast: readonly ForecastDay[] }) {
  if (rows.length === 0) return null;
  const last = rows[rows.length - 1];
  const from = addDays(last.date, -HISTORY_DAYS);
  const history = rows.filter((r) => r.date > from);
  const values = [...history.map((r) => r.close), ...forecast.map((d) => d.prediction)];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const span = high - low || 1;
  const days = HISTORY_DAYS + forecast.length;
  const x = (date: string) => PAD.left + ((WIDTH - PAD.left - PAD.right) * dayIndex(from, date)) / days;
  const y = (price: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (price - low) / span);
  const line = (points: Array<{ date: string; price: number }>) =>
    points.map((p) => `${x(p.date).toFixed(1)},${y(p.price).toFixed(1)}`).join(' ');
  const end = forecast.length ? forecast[forecast.length - 1].date : last.date;
  const summary = forecast.length
    ? `Closes from ${history[0].date} to ${last.date} (last ${formatUsd(last.close)}), then ` +
      `the forecast to ${end} (${formatUsd(forecast[forecast.length - 1].prediction)}).`
    : `Closes from ${history[0].date} to ${last.date}.`;
  return (
    <figure className="forecast-chart">
      <svg
        data-testid="forecast-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="forecast-chart-title"
        aria-describedby="forecast-chart-desc"
      >
        <title id="forecast-chart-title">Bitcoin closes, last six months, and the next 7 days</title>
        <desc id="forecast-chart-desc">{summary}</desc>
        {[high, (high + low) / 2, low].map((v) => (
          <g key={v} className="grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {formatUsd(v, 0)}
            </text>
          </g>
        ))}
        <polyline className="history" points={line(history.map((r) => ({ date: r.date, price: r.close })))} />
        {forecast.length > 0 && (
          <polyline
            className="prediction"
            points={line([{ date: last.date, price: last.close }, ...forecast.map((d) => ({ date: d.date, price: d.prediction }))])}
          />
        )}
        <text className="axis" x={PAD.left} y={HEIGHT - 6}>
          {history[0].date}
        </text>
        <text className="axis" x={x(last.date)} y={HEIGHT - 6} textAnchor="middle">
          {last.date}
        </text>
      </svg>
      <figcaption className="muted small">
        <span className="key history" /> closes <span className="key prediction" /> forecast
      </figcaption>
    </figure>
  );
});

function dayIndex(from: string, date: string): number {
  return (Date.parse(date) - Date.parse(from)) / 86_400_000;
}
