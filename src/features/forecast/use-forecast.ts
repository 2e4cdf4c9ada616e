/**
 * The Forecast page's state and calls: open the model, show prices and their forecast (a newer
 * request wins over an older one), accept a file or pasted text, and, through their own hooks,
 * update to today and train. Components render what it returns.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { keepForOffline } from '../../app/offline-cache.ts';
import { plainMessage } from '../../app/plain-message.ts';
import { type ModelLoader, useModelLoad } from '../../app/use-model-load.ts';
import type { ParsedPrices } from '../../models/forecast/parse-yahoo-csv.ts';
import { modelsBaseUrl } from '../../runtime/models-url.ts';
import { visitSettings } from '../../runtime/settings.ts';
import type { ForecastCalls, ModelInfo, Prediction } from '../../workers/forecast-protocol.ts';
import { forecastClient, SAMPLE_PRICES_PATH } from './forecast-client.ts';
import { BUNDLED, type Prices } from './prices.ts';
import { readPastedPrices, readPriceFileOffThread, readSamplePrices } from './prices-client.ts';
import { usePriceUpdate } from './use-price-update.ts';
import { useTraining } from './use-training.ts';

const NOT_KEPT =
  'These prices could not be kept on this device (its storage refused ' +
  'them): they are shown now, but a reload brings back the previous ones.';

const CANNOT_FORECAST = 'the model could not forecast these prices. Open another price file, or reload the page.';

export function useForecast() {
  const client = useMemo(forecastClient, []);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [prices, setPrices] = useState<Prices | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  // forecast-error: the last file or update that could not be used (the prices shown are unchanged).
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [predictError, setPredictError] = useState<string | null>(null);
  // The prices shown have no forecast yet (a slow GPU's first forecast can take seconds).
  const [forecasting, setForecasting] = useState(false);
  const pricesRef = useRef<Prices | null>(null);
  const predictSeq = useRef(0);
  const current = useCallback(() => pricesRef.current, []);

  /** Shows prices and asks the worker for their forecast; a newer request wins over an older one. */
  const show = useCallback(
    (next: Prices) => {
      pricesRef.current = next;
      setPrices(next);
      setPredictError(null);
      setForecasting(true);
      const seq = ++predictSeq.current;
      client
        .call('predict', { rows: next.rows })
        .then(
          (p) => {
            if (seq !== predictSeq.current) return;
            setPrediction(p);
            setModel(p.model);
          },
          (err: Error) => seq === predictSeq.current && setPredictError(`No forecast: ${plainMessage(err, CANNOT_FORECAST)}`),
        )
        .finally(() => seq === predictSeq.current && setForecasting(false));
    },
    [client],
  );

  // The model loads as every page's does (progress, cancel, retry: ModelStatus shows it); `open`
  // also starts the worker's backend and reads the prices kept on this device.
  const loader = useMemo(
    (): ModelLoader<ForecastCalls['open']['result']> => ({
      onProgress: (listener) => client.on('progress', ({ loadedBytes, totalBytes }) => listener({ loadedBytes, totalBytes })),
      load: () => {
        const visit = visitSettings(location.search);
        return client.call('open', { backend: visit.backend, modelsBaseUrl: modelsBaseUrl(), flags: visit.tfjsFlags });
      },
      cancel: () => void client.call('cancelLoad', { task: 'forecast' }),
    }),
    [client],
  );
  const modelLoad = useModelLoad(loader, async (opened, live) => {
    setModel(opened.model);
    if (opened.notice) setNotes([opened.notice]);
    void keepForOffline(opened.packageFiles);
    // Prices the visitor gave meanwhile win over the saved or sample ones.
    if (opened.prices) {
      if (!pricesRef.current) show({ rows: opened.prices.rows, source: opened.prices.source });
      return;
    }
    // The bundled history, read in the prices worker (null: offline before the first visit).
    const sample = await readSamplePrices(new URL(SAMPLE_PRICES_PATH, location.href).href);
    if (live() && sample && !pricesRef.current) show({ rows: sample.rows, source: BUNDLED });
  });

  /** Keeps prices on this device, then shows them; a refusal to keep them is said, not fatal. */
  const keepAndShow = useCallback(
    async (next: Prices, notes: string[]) => {
      // The worker says why (a full storage: how much space the prices need) in plain words.
      const refused = await client.call('savePrices', { rows: next.rows, source: next.source }).then(
        () => null,
        (err: Error) => plainMessage(err, NOT_KEPT),
      );
      setNotes([...notes, ...(refused ? [refused] : [])]);
      show(next);
    },
    [client, show],
  );

  const update = usePriceUpdate({ prices, current, keepAndShow, setError });
  const training = useTraining({ client, current, show, setModel });
  const clearUpdate = update.clear;

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
      clearUpdate();
      await keepAndShow({ rows: parsed.rows, source }, parsed.warnings);
    },
    [keepAndShow, clearUpdate],
  );

  // Files are read in the prices worker: parsing ten years of prices here blocked a slow phone.
  const acceptFile = useCallback(
    (file: File) => void accept(() => readPriceFileOffThread(file), file.name, `your file (${file.name})`),
    [accept],
  );
  const acceptPasted = useCallback(
    (text: string) => void accept(() => readPastedPrices(text), 'Pasted text', 'your pasted prices'),
    [accept],
  );

  return { modelLoad, model, prices, prediction, forecasting, predictError, error, notes, acceptFile, acceptPasted, update, training };
}

export type Forecast = ReturnType<typeof useForecast>;
