/**
 * Forecast: Cryptonic in the tab. Bitcoin's next 7 days from a weekly LSTM, scored beside the
 * naive forecast, with Cryptonic's `/predict` JSON; the bundled history can be brought up to today
 * from public exchanges, or replaced by a dropped, picked or pasted file, and the model retrained
 * (or trained anew) on this device, in the forecast worker.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { keepForOffline } from '../../app/offline-cache.ts';
import { requestedBackend } from '../../runtime/backend-choice.ts';
import { modelsBaseUrl } from '../../runtime/models-url.ts';
import type { WorkerCallError } from '../../runtime/worker-client.ts';
import { plainMessage } from '../../app/plain-message.ts';
import { DEFAULT_EPOCHS } from '../../models/forecast/constants.ts';
import { daysBetween } from '../../models/forecast/dates.ts';
import type { ParsedPrices, PriceRow } from '../../models/forecast/parse-yahoo-csv.ts';
import { predictPayload } from '../../models/forecast/payload.ts';
import { utcDate } from '../../models/forecast/price-days.ts';
import { priceSourceLabel } from '../../models/forecast/price-sources.ts';
import type { ModelInfo, Prediction, TrainMode } from '../../workers/forecast-protocol.ts';
import { CopyableJson } from '../common/CopyableJson.tsx';
import { autoUpdateDue, autoUpdateOn, noteAutoUpdate, setAutoUpdate } from './auto-update.ts';
import { parseEpochs } from './epochs.ts';
import { forecastClient, priceSources, SAMPLE_PRICES_PATH } from './forecast-client.ts';
import { ForecastMetrics, ForecastTable } from './ForecastResults.tsx';
import { describeModel } from './describe-model.ts';
import { PriceChart } from './PriceChart.tsx';
import { readPastedPrices, readPriceFileOffThread, readSamplePrices } from './prices-client.ts';
import { LossLog } from './loss-log.ts';
import { TrainingProgress, type TrainingRun } from './TrainingProgress.tsx';
import { PriceUpdateError, updatePrices, withSource } from './update-prices.ts';

interface Prices {
  rows: PriceRow[];
  /** What forecast-data-range names: 'bundled', 'bundled + Coinbase', 'your file (…)'. */
  source: string;
}

/** The history that ships with the app (public/samples/, written by npm run samples). */
const BUNDLED = 'bundled';
/** The page says how old the newest price is beyond this many days. */
const STALE_AFTER_DAYS = 2;

type Start = { status: 'starting' } | { status: 'ready' } | { status: 'error'; message: string };

type UpdateState = { status: 'idle' } | { status: 'updating'; progress: string } | { status: 'done'; message: string };

export function ForecastPage() {
  const client = useMemo(forecastClient, []);
  const [start, setStart] = useState<Start>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [prices, setPrices] = useState<Prices | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  // forecast-error: the last file or update that could not be used (the prices shown are unchanged).
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [predictError, setPredictError] = useState<string | null>(null);
  const [epochsText, setEpochsText] = useState(String(DEFAULT_EPOCHS));
  const [epochsError, setEpochsError] = useState<string | null>(null);
  const [run, setRun] = useState<TrainingRun | null>(null);
  const [update, setUpdate] = useState<UpdateState>({ status: 'idle' });
  const [autoUpdate, setAutoUpdateState] = useState(autoUpdateOn);
  const [dragging, setDragging] = useState(false);
  const rowsRef = useRef<PriceRow[] | null>(null);
  const pricesRef = useRef<Prices | null>(null);
  const updating = useRef(false);
  const autoUpdateTried = useRef(false);
  const predictSeq = useRef(0);
  const trainController = useRef<AbortController | null>(null);
  const sources = useMemo(priceSources, []);

  /** Shows prices and asks the worker for their forecast; a newer request wins over an older one. */
  const show = useCallback(
    (next: Prices) => {
      rowsRef.current = next.rows;
      pricesRef.current = next;
      setPrices(next);
      setPredictError(null);
      const seq = ++predictSeq.current;
      client.call('predict', { rows: next.rows }).then(
        (p) => {
          if (seq !== predictSeq.current) return;
          setPrediction(p);
          setModel(p.model);
        },
        (err: Error) => seq === predictSeq.current && setPredictError(`No forecast: ${plainMessage(err, 'the model could not forecast these prices. Open another price file, or reload the page.')}`),
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
      (err: Error) => live && setStart({ status: 'error', message: plainMessage(err, 'Reload the page; if it keeps failing, check your connection.') }),
    );
    return () => {
      live = false;
    };
  }, [client, attempt, show]);

  /** Keeps prices on this device, then shows them; a refusal to keep them is said, not fatal. */
  const keepAndShow = useCallback(
    async (next: Prices, notes: string[]) => {
      // The worker says why (a full storage: how much space the prices need) in plain words.
      const refused = await client.call('savePrices', { rows: next.rows, source: next.source }).then(
        () => null,
        (err: Error) => plainMessage(err, 'These prices could not be kept on this device (its storage refused them): they are shown now, but a reload brings back the previous ones.'),
      );
      setNotes([...notes, ...(refused ? [refused] : [])]);
      show(next);
    },
    [client, show],
  );

  /** A file's prices replace the current ones only if they are usable. */
  const accept = useCallback(
    async (read: () => Promise<ParsedPrices>, what: string, source: string) => {
      setError(null);
      let parsed: ParsedPrices;
      try {
        parsed = await read();
      } catch (err) {
        setError(`${what}: ${plainMessage(err, 'it could not be read as daily prices.')} The prices and the model shown are unchanged.`);
        return;
      }
      setUpdate({ status: 'idle' });
      await keepAndShow({ rows: parsed.rows, source }, parsed.warnings);
    },
    [keepAndShow],
  );

  const acceptFile = useCallback((file: File) => void accept(() => readPriceFileOffThread(file), file.name, `your file (${file.name})`), [accept]);

  // Pasting a CSV anywhere on the page (but into a field) loads it.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const file = event.clipboardData?.files[0];
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!file && text.trim() === '') return;
      event.preventDefault();
      if (file) acceptFile(file);
      else void accept(() => readPastedPrices(text), 'Pasted text', 'your pasted prices');
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

  /** "Update to today": the missing finished days from the configured sources, merged and kept; on any failure, nothing changes. */
  const updateToToday = useCallback(async () => {
    const current = pricesRef.current;
    if (!current || updating.current) return;
    updating.current = true;
    setError(null);
    setUpdate({ status: 'updating', progress: 'Asking for the missing days…' });
    try {
      const outcome = await updatePrices({
        sources,
        stored: current.rows,
        now: new Date(),
        online: navigator.onLine,
        pageUrl: location.href,
        onProgress: (progress) => setUpdate({ status: 'updating', progress }),
      });
      if (pricesRef.current !== current) {
        setUpdate({ status: 'done', message: 'Other prices were loaded meanwhile, so the fetched ones were not used: press Update to today again to update those.' });
      } else if (outcome.kind === 'up-to-date') {
        setUpdate({ status: 'done', message: `Already up to date: the newest price is from ${outcome.last}, the last finished day (UTC).` });
      } else {
        const added = outcome.addedDates;
        await keepAndShow({ rows: outcome.rows, source: withSource(current.source, outcome.source) }, outcome.notes);
        const days = added.length === 1 ? `1 day (${added[0]})` : `${added.length} days (${added[0]} … ${added[added.length - 1]})`;
        setUpdate({ status: 'done', message: `Added ${days} from ${outcome.source}.` });
      }
    } catch (err) {
      setError(
        err instanceof PriceUpdateError
          ? err.message
          : 'Could not update the prices: this page ran into a problem of its own. Your prices and the model are unchanged; reload the page and try again.',
      );
      setUpdate({ status: 'idle' });
    } finally {
      updating.current = false;
    }
  }, [sources, keepAndShow]);

  // Opted in: once per visit, when the first prices show, bring them up to date, at most once an
  // hour. Ticking the box acts from the next visit on: "Update to today" is there for now.
  useEffect(() => {
    if (!prices || autoUpdateTried.current) return;
    autoUpdateTried.current = true;
    if (!autoUpdateOn() || sources.length === 0) return;
    const upToDate = daysBetween(prices.rows[prices.rows.length - 1].date, utcDate(new Date())) <= 1;
    if (upToDate || !autoUpdateDue(Date.now())) return;
    noteAutoUpdate(Date.now());
    void updateToToday();
  }, [prices, sources, updateToToday]);

  const onAutoUpdate = (e: ChangeEvent<HTMLInputElement>) => {
    setAutoUpdate(e.target.checked);
    setAutoUpdateState(e.target.checked);
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
    const losses = new LossLog();
    setRun({ mode, epochs, losses, status: 'running', message: null });
    try {
      const result = await client.call('train', { rows, mode, epochs }, { signal: controller.signal, onUpdate: (u) => losses.push(u.loss) });
      losses.flush();
      setModel(result.model);
      setRun((r) => r && { ...r, status: 'done', message: `Done: ${describeModel(result.model)} It is saved on this device.` });
      // The prices may have changed while it trained: forecast the ones shown now.
      const shown = pricesRef.current;
      if (shown) show(shown);
    } catch (err) {
      const { kind } = err as WorkerCallError;
      losses.flush();
      const message = plainMessage(err, 'Training stopped on an unexpected error; the previous model still serves. Try again, or train a new model.');
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
      const shown = pricesRef.current;
      if (shown) show(shown);
    } catch (err) {
      setRun({ mode: 'new', epochs: 0, losses: new LossLog(), status: 'failed', message: plainMessage(err, 'The shipped model could not be restored. Reload the page and try again.') });
    }
  };

  const training = run?.status === 'running';
  const payload = useMemo(() => (prediction ? JSON.stringify(predictPayload(prediction.forecast.days), null, 2) : null), [prediction]);
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
          Bitcoin&apos;s next 7 days from Cryptonic&apos;s weekly LSTM, beside the naive forecast. Bring the prices up to today (or drop your own) and retrain it here: the
          prices, the training and the model stay on this device.
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
        <span className="muted small">or drop or paste a Yahoo Finance daily export (Date,Open,High,Low,Close,Adj Close,Volume).</span>
      </div>
      {prices && (
        <p className="small" data-testid="forecast-data-range">
          Prices from {prices.rows[0].date} to {prices.rows[prices.rows.length - 1].date}, source: {prices.source}.
        </p>
      )}
      {sources.length > 0 && (
        <>
          <div className="forecast-inputs">
            <button type="button" data-testid="forecast-update" onClick={() => void updateToToday()} disabled={!prices || update.status === 'updating'}>
              {update.status === 'updating' ? 'Updating…' : 'Update to today'}
            </button>
            {prices && <PriceAge last={prices.rows[prices.rows.length - 1].date} />}
            <label className="small">
              <input type="checkbox" data-testid="forecast-auto-update" checked={autoUpdate} onChange={onAutoUpdate} /> Keep prices up to date on this device
            </label>
          </div>
          <p className="muted small">
            Updating asks {sources.map((s) => priceSourceLabel(s, location.href)).join(', then ')} for public Bitcoin prices (daily closes) and sends nothing about you or
            your data.
          </p>
          {update.status !== 'idle' && (
            <p className="muted small" role="status" data-testid="forecast-update-status">
              {update.status === 'updating' ? update.progress : update.message}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="notice" role="alert" data-testid="forecast-error">
          {error}
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
          <button type="button" data-testid="forecast-retrain" disabled={!prices || training || start.status === 'error'} onClick={() => void train('retrain')}>
            Retrain this model
          </button>
          <button type="button" data-testid="forecast-train-new" disabled={!prices || training || start.status === 'error'} onClick={() => void train('new')}>
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

/** "The newest price is 955 days old", when it is more than two days old (UTC days, as the exchanges count). */
function PriceAge({ last }: { last: string }) {
  const age = daysBetween(last, utcDate(new Date()));
  if (age <= STALE_AFTER_DAYS) return null;
  return (
    <span className="muted small" data-testid="forecast-price-age">
      The newest price is {age} days old ({last}).
    </span>
  );
}

/** The bundled default history, read in the prices worker (null if it cannot be read: offline before the first visit). */
async function loadSample(): Promise<Prices | null> {
  const parsed = await readSamplePrices(new URL(SAMPLE_PRICES_PATH, location.href).href);
  return parsed && { rows: parsed.rows, source: BUNDLED };
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
