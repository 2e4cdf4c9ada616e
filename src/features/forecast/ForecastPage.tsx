/**
 * Forecast: Cryptonic in the tab. Bitcoin's next 7 days from a weekly LSTM, scored beside the
 * naive forecast, with Cryptonic's `/predict` JSON; newer prices can be dropped, picked, pasted
 * or fetched, and the model retrained (or trained anew) on this device, in the forecast worker.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { keepForOffline } from '../../app/offline-cache.ts';
import { requestedBackend } from '../../runtime/backend-choice.ts';
import { modelsBaseUrl } from '../../runtime/models-url.ts';
import type { WorkerCallError } from '../../runtime/worker-client.ts';
import { DEFAULT_EPOCHS } from '../../models/forecast/constants.ts';
import { mergePrices } from '../../models/forecast/merge-prices.ts';
import type { ParsedPrices, PriceRow } from '../../models/forecast/parse-yahoo-csv.ts';
import { predictPayload } from '../../models/forecast/payload.ts';
import type { ModelInfo, Prediction, TrainMode } from '../../workers/forecast-protocol.ts';
import { CopyableJson } from '../common/CopyableJson.tsx';
import { parseEpochs } from './epochs.ts';
import { forecastClient, pricesUrl, SAMPLE_PRICES_PATH } from './forecast-client.ts';
import { ForecastMetrics, ForecastTable } from './ForecastResults.tsx';
import { describeModel } from './describe-model.ts';
import { PriceChart } from './PriceChart.tsx';
import { readPriceFile, readPrices } from './read-prices.ts';
import { TrainingProgress, type TrainingRun } from './TrainingProgress.tsx';

interface Prices {
  rows: PriceRow[];
  source: string;
}

type Start = { status: 'starting' } | { status: 'ready' } | { status: 'error'; message: string };

type FetchState = { status: 'idle' } | { status: 'fetching' } | { status: 'error'; message: string } | { status: 'done'; added: number };

export function ForecastPage() {
  const client = useMemo(forecastClient, []);
  const [start, setStart] = useState<Start>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [prices, setPrices] = useState<Prices | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [predictError, setPredictError] = useState<string | null>(null);
  const [epochsText, setEpochsText] = useState(String(DEFAULT_EPOCHS));
  const [epochsError, setEpochsError] = useState<string | null>(null);
  const [run, setRun] = useState<TrainingRun | null>(null);
  const [fetchState, setFetchState] = useState<FetchState>({ status: 'idle' });
  const [dragging, setDragging] = useState(false);
  const rowsRef = useRef<PriceRow[] | null>(null);
  const predictSeq = useRef(0);
  const trainController = useRef<AbortController | null>(null);
  const latestUrl = pricesUrl();

  /** Shows prices and asks the worker for their forecast; a newer request wins over an older one. */
  const show = useCallback(
    (next: Prices) => {
      rowsRef.current = next.rows;
      setPrices(next);
      setPredictError(null);
      const seq = ++predictSeq.current;
      client.call('predict', { rows: next.rows }).then(
        (p) => {
          if (seq !== predictSeq.current) return;
          setPrediction(p);
          setModel(p.model);
        },
        (err: Error) => seq === predictSeq.current && setPredictError(`No forecast: ${err.message}`),
      );
    },
    [client],
  );

  useEffect(() => {
    let live = true;
    setStart({ status: 'starting' });
    client.call('open', { backend: requestedBackend(location.search), modelsBaseUrl: modelsBaseUrl() }).then(
      async (opened) => {
        if (!live) return;
        setModel(opened.model);
        if (opened.notice) setNotes([opened.notice]);
        setStart({ status: 'ready' });
        void keepForOffline(opened.packageFiles);
        // Prices the visitor gave meanwhile win over the saved or sample ones.
        if (opened.prices) {
          if (!rowsRef.current) show({ rows: opened.prices.rows, source: opened.prices.source });
          return;
        }
        const sample = await loadSample();
        if (live && sample && !rowsRef.current) show(sample);
      },
      (err: Error) => live && setStart({ status: 'error', message: err.message }),
    );
    return () => {
      live = false;
    };
  }, [client, attempt, show]);

  /** New prices replace (or, fetched, merge into) the current ones only if they are usable. */
  const accept = useCallback(
    async (read: () => Promise<ParsedPrices>, source: string, merge = false): Promise<number | null> => {
      setInputError(null);
      let parsed: ParsedPrices;
      try {
        parsed = await read();
      } catch (err) {
        setInputError(`${source}: ${(err as Error).message} The prices and the model shown are unchanged.`);
        return null;
      }
      const current = rowsRef.current;
      const merged = merge && current ? mergePrices(current, parsed.rows) : { rows: parsed.rows, added: parsed.rows.length };
      const kept = await client.call('savePrices', { rows: merged.rows, source }).then(
        () => null,
        (err: Error) => err.message,
      );
      setNotes([...parsed.warnings, ...(kept ? [kept] : [])]);
      show({ rows: merged.rows, source });
      return merged.added;
    },
    [client, show],
  );

  const acceptFile = useCallback((file: File) => void accept(() => readPriceFile(file), file.name), [accept]);

  // Pasting a CSV anywhere on the page (but into a field) loads it.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const file = event.clipboardData?.files[0];
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!file && text.trim() === '') return;
      event.preventDefault();
      if (file) acceptFile(file);
      else void accept(async () => readPrices(text), 'Pasted text');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [accept, acceptFile]);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) acceptFile(file);
    e.target.value = ''; // picking the same file again still triggers a change
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) acceptFile(file);
  };

  const fetchLatest = async () => {
    if (!latestUrl) return;
    setFetchState({ status: 'fetching' });
    let text: string;
    try {
      const response = await fetch(latestUrl, { cache: 'no-store' });
      if (!response.ok) throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      text = await response.text();
    } catch (err) {
      const why = err instanceof TypeError ? 'the network request failed' : (err as Error).message;
      setFetchState({ status: 'error', message: `Could not download the latest prices from ${latestUrl}: ${why}. Check your connection, then retry.` });
      return;
    }
    const added = await accept(async () => readPrices(text), `The latest prices from ${new URL(latestUrl).host}`, true);
    setFetchState(added === null ? { status: 'idle' } : { status: 'done', added });
  };

  const train = async (mode: TrainMode) => {
    const parsed = parseEpochs(epochsText);
    if ('error' in parsed) return setEpochsError(parsed.error);
    setEpochsError(null);
    const rows = rowsRef.current;
    if (!rows) return;
    const controller = new AbortController();
    trainController.current = controller;
    const { epochs } = parsed;
    setRun({ mode, epochs, losses: [], status: 'running', message: null });
    try {
      const result = await client.call(
        'train',
        { rows, mode, epochs },
        { signal: controller.signal, onUpdate: (u) => setRun((r) => r && { ...r, losses: [...r.losses, u.loss] }) },
      );
      setModel(result.model);
      setRun((r) => r && { ...r, status: 'done', message: `Done: ${describeModel(result.model)} It is saved on this device.` });
      // The prices may have changed while it trained: forecast the ones shown now.
      const shown = rowsRef.current;
      if (shown) show({ rows: shown, source: prices?.source ?? '' });
    } catch (err) {
      const { kind, message } = err as WorkerCallError;
      setRun((r) => r && { ...r, status: kind === 'cancelled' ? 'cancelled' : 'failed', message });
    } finally {
      trainController.current = null;
    }
  };

  const reset = async () => {
    try {
      const info = await client.call('reset', {});
      setModel(info);
      setRun(null);
      const rows = rowsRef.current;
      if (rows) show({ rows, source: prices?.source ?? '' });
    } catch (err) {
      setRun({ mode: 'new', epochs: 0, losses: [], status: 'failed', message: (err as Error).message });
    }
  };

  const training = run?.status === 'running';
  const payload = prediction ? JSON.stringify(predictPayload(prediction.forecast.days), null, 2) : null;
  return (
    <section
      className={`page forecast${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="page-head">
        <h1>Forecast</h1>
        <p>
          Bitcoin&apos;s next 7 days from Cryptonic&apos;s weekly LSTM, beside the naive forecast. Drop newer prices and retrain it here: the prices, the training and the
          model stay on this device.
        </p>
      </header>

      {start.status === 'starting' && <p className="muted">Loading the forecast model…</p>}
      {start.status === 'error' && (
        <div className="model-error" role="alert" data-testid="model-error">
          <p>The forecast model could not be loaded. {start.message}</p>
          <button type="button" data-testid="model-retry" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}

      <div className="forecast-inputs">
        <label className="button">
          Open a price CSV…
          <input type="file" accept=".csv,text/csv,text/plain" data-testid="forecast-csv" onChange={onFile} hidden />
        </label>
        {latestUrl && (
          <button type="button" data-testid="forecast-fetch" onClick={fetchLatest} disabled={fetchState.status === 'fetching'}>
            {fetchState.status === 'fetching' ? 'Fetching…' : fetchState.status === 'error' ? 'Retry fetching the latest prices' : 'Fetch the latest prices'}
          </button>
        )}
        <span className="muted small">
          or drop or paste a Yahoo Finance daily export (Date,Open,High,Low,Close,Adj Close,Volume).
          {prices && ` Showing ${prices.rows.length} days, ${prices.rows[0].date} … ${prices.rows[prices.rows.length - 1].date}, from ${prices.source}.`}
        </span>
      </div>
      {fetchState.status === 'error' && (
        <p className="notice" role="alert" data-testid="forecast-fetch-error">
          {fetchState.message}
        </p>
      )}
      {fetchState.status === 'done' && <p className="muted small">Fetched: {fetchState.added} new {fetchState.added === 1 ? 'day' : 'days'}.</p>}
      {inputError && (
        <p className="notice" role="alert" data-testid="forecast-error">
          {inputError}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="muted small forecast-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {start.status === 'ready' && !prices && (
        <p className="hint" data-testid="forecast-empty">
          No prices yet: open, drop or paste a daily Bitcoin price CSV from Yahoo Finance (two weeks or more) to see the forecast.
        </p>
      )}
      {model && (
        <p className="forecast-model" data-testid="forecast-model">
          {describeModel(model)}
        </p>
      )}
      {predictError && (
        <p className="notice" role="alert">
          {predictError}
        </p>
      )}

      {prices && prediction && (
        <div className="forecast-layout">
          <PriceChart rows={prices.rows} forecast={prediction.forecast.days} />
          <ForecastTable forecast={prediction.forecast} />
        </div>
      )}
      {prediction && <ForecastMetrics metrics={prediction.metrics} />}

      <section className="forecast-training" aria-label="Training on this device">
        <h2>Train on this device</h2>
        <div className="row">
          <label>
            Epochs{' '}
            <input
              type="text"
              inputMode="numeric"
              size={5}
              data-testid="forecast-epochs"
              value={epochsText}
              aria-invalid={epochsError !== null}
              onChange={(e) => setEpochsText(e.target.value)}
            />
          </label>
          <button type="button" data-testid="forecast-retrain" disabled={!prices || training || start.status !== 'ready'} onClick={() => void train('retrain')}>
            Retrain this model
          </button>
          <button type="button" data-testid="forecast-train-new" disabled={!prices || training || start.status !== 'ready'} onClick={() => void train('new')}>
            Train a new model
          </button>
          <button type="button" data-testid="forecast-cancel" disabled={!training} onClick={() => trainController.current?.abort()}>
            Cancel
          </button>
          <button type="button" data-testid="forecast-reset" disabled={training || model?.source !== 'device'} onClick={() => void reset()}>
            Back to the shipped model
          </button>
        </div>
        {epochsError && (
          <p className="notice" role="alert" data-testid="forecast-epochs-error">
            {epochsError}
          </p>
        )}
        <p className="muted small">
          Retrain continues from the model that serves; a new model starts from scratch. Both train on the weeks before the held-out ones, and the model that serves keeps serving
          until the new one has finished.
        </p>
        {run && run.status !== 'failed' && run.epochs > 0 && <TrainingProgress run={run} />}
        {run?.message && (
          <p className={run.status === 'done' ? 'forecast-done' : 'notice'} role={run.status === 'done' ? 'status' : 'alert'} data-testid="forecast-train-message">
            {run.message}
          </p>
        )}
      </section>

      {payload && (
        <section>
          <CopyableJson json={payload} testId="forecast-json" label="GET /predict, answered on your device" />
          <button type="button" data-testid="forecast-json-download" onClick={() => download(payload, 'predict.json')}>
            Download predict.json
          </button>
        </section>
      )}
    </section>
  );
}

/** The bundled default history (null if it cannot be read: offline before the first visit). */
async function loadSample(): Promise<Prices | null> {
  const url = new URL(SAMPLE_PRICES_PATH, location.href).href;
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const parsed = readPrices(await response.text());
    return { rows: parsed.rows, source: 'the sample Bitcoin prices (Yahoo Finance)' };
  } catch {
    return null;
  }
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
