/**
 * Forecast: Cryptonic in the tab. Bitcoin's next 7 days from a weekly LSTM, scored beside the
 * naive forecast, with Cryptonic's `/predict` JSON; the bundled history can be brought up to today
 * from public exchanges, or replaced by a dropped, picked or pasted file, and the model retrained
 * (or trained anew) on this device, in the forecast worker. State and calls: use-forecast.ts.
 */
import type { ChangeEvent } from 'react';
import { ModelStatus } from '../../app/ModelStatus.tsx';
import { useFileDrop } from '../common/use-file-drop.ts';
import { describeModel } from './describe-model.ts';
import { ForecastMetrics, ForecastTable } from './ForecastResults.tsx';
import { PredictJson } from './PredictJson.tsx';
import { PriceChart } from './PriceChart.tsx';
import { PriceUpdatePanel } from './PriceUpdatePanel.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import { useForecast } from './use-forecast.ts';
import { usePastePrices } from './use-paste-prices.ts';

export function ForecastPage() {
  const forecast = useForecast();
  const { modelLoad, model, prices, prediction } = forecast;
  const { state } = modelLoad;
  const { dragging, dropHandlers } = useFileDrop((files) => forecast.acceptFile(files[0]));
  usePastePrices(forecast.acceptFile, forecast.acceptPasted);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) forecast.acceptFile(file);
    e.target.value = ''; // picking the same file again still triggers a change
  };

  return (
    <section className={`page forecast${dragging ? ' dragging' : ''}`} {...dropHandlers}>
      <header className="page-head">
        <h1>Forecast</h1>
        <p>
          Bitcoin&apos;s next 7 days from Cryptonic&apos;s weekly LSTM, beside the naive forecast. Bring the prices up to today (or drop
          your own) and retrain it here: the prices, the training and the model stay on this device.
        </p>
      </header>

      <ModelStatus state={state} retry={modelLoad.retry} cancel={modelLoad.cancel} what="forecast model" />

      <div className="forecast-inputs">
        <label className="button">
          Open a price CSV…
          <input type="file" accept=".csv,text/csv,text/plain" data-testid="forecast-csv" onChange={onFile} className="visually-hidden" />
        </label>
        <span className="muted small">or drop or paste a Yahoo Finance daily export (Date,Open,High,Low,Close,Adj Close,Volume).</span>
      </div>
      {prices && (
        <p className="small" role="status" data-testid="forecast-data-range">
          Prices from {prices.rows[0].date} to {prices.rows[prices.rows.length - 1].date}, source: {prices.source}.
        </p>
      )}
      <PriceUpdatePanel update={forecast.update} prices={prices} />
      {forecast.error && (
        <p className="notice" role="alert" data-testid="forecast-error">
          {forecast.error}
        </p>
      )}
      {forecast.notes.length > 0 && (
        <ul className="muted small forecast-notes">
          {forecast.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {state.status === 'ready' && !prices && (
        <p className="hint" data-testid="forecast-empty">
          No prices yet: open, drop or paste a daily Bitcoin price CSV from Yahoo Finance (two weeks or more) to see the forecast.
        </p>
      )}
      {model && (
        <p className="forecast-model" data-testid="forecast-model">
          {describeModel(model)}
        </p>
      )}
      {/* Always there, one line high: a live region present before its words is announced reliably, and
          the words coming and going do not move the chart and the table (a relayout of the page each time). */}
      <p className="muted small forecast-pending" role="status" data-testid="forecast-pending">
        {forecast.forecasting && state.status === 'ready' && 'Forecasting the next 7 days from these prices…'}
      </p>
      {forecast.predictError && (
        <p className="notice" role="alert">
          {forecast.predictError}
        </p>
      )}

      {prices && prediction && (
        <div className="forecast-layout">
          <PriceChart rows={prices.rows} forecast={prediction.forecast.days} />
          <ForecastTable forecast={prediction.forecast} />
        </div>
      )}
      {prediction && <ForecastMetrics metrics={prediction.metrics} />}

      <TrainingPanel training={forecast.training} model={model} canTrain={prices !== null && state.status !== 'error'} />

      {prediction && <PredictJson days={prediction.forecast.days} />}
    </section>
  );
}
