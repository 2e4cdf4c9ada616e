/**
 * The forecast worker's calls, as the page sees them (types only: importing this file pulls no
 * worker code into the page). The worker owns the model that serves; the page owns the prices
 * it shows, and passes them with every call.
 */

import type { Formulation } from '../models/forecast/formulation.ts';
import type { HeldOutMetrics, WeekRange } from '../models/forecast/held-out.ts';
import type { PriceRow } from '../models/forecast/parse-yahoo-csv.ts';
import type { WeekForecast } from '../models/forecast/predict.ts';
import type { BackendName, BackendReport } from '../runtime/backend-choice.ts';
import type { MemoryCall } from '../runtime/memory-call.ts';
import type { TfjsFlags } from '../runtime/tfjs-flags.ts';

/** Cryptonic's two strategies: continue training the model that serves, or train a fresh one. */
export type TrainMode = 'retrain' | 'new';

export interface ModelInfo {
  /** 'shipped': the package in public/models/forecast/; 'device': trained in this browser and kept in IndexedDB. */
  source: 'shipped' | 'device';
  mode: TrainMode | null;
  /** The weeks it was trained on, when known. */
  trainedOn: WeekRange | null;
  epochs: number;
  formulation: Formulation;
  /** ISO time it was saved on this device. */
  savedAt: string | null;
  /** The last epoch's training loss (MSE, normalized), for a model trained here. */
  finalLoss: number | null;
}

export interface StoredPrices {
  rows: PriceRow[];
  /** Where they came from, in words: a file name, "pasted text", the fetch URL. */
  source: string;
  savedAt: string;
}

export interface Prediction {
  forecast: WeekForecast;
  /** Held-out weeks' scores of the model and of the naive forecast; null when the data is too short to hold any out. */
  metrics: HeldOutMetrics | null;
  model: ModelInfo;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  loss: number;
}

export type ForecastCalls = {
  /** Starts the backend, the model (the saved one if any, else the shipped one) and reads the saved prices. */
  open: {
    /** `flags`: tfjs flags the page's URL named (`?tfjsflags=`). */
    params: { backend: BackendName | null; modelsBaseUrl: string; flags?: TfjsFlags };
    result: {
      backend: BackendReport;
      model: ModelInfo;
      prices: StoredPrices | null;
      /** Why a saved model was not used, if one was not. */
      notice: string | null;
      /** The shipped package's URLs, once downloaded, for the offline cache. */
      packageFiles: string[];
    };
    update: never;
  };
  /** Keeps prices in IndexedDB (before any training, so closing the tab loses nothing). */
  savePrices: { params: { rows: PriceRow[]; source: string }; result: StoredPrices; update: never };
  /** The 7 days after the last date, and the held-out scores, from the model that serves. */
  predict: { params: { rows: PriceRow[] }; result: Prediction; update: never };
  /**
   * Trains on `rows`; the model that serves keeps serving until the new one has finished and
   * passed validation, then the new one is saved and serves. Cancel with the call's AbortSignal.
   */
  train: {
    params: { rows: PriceRow[]; mode: TrainMode; epochs: number };
    result: Prediction & { losses: number[] };
    update: TrainProgress;
  };
  /** Forgets the model trained here; the shipped model serves again. */
  reset: { params: Record<string, never>; result: ModelInfo; update: never };
  /** Stops the shipped package's download in progress; `open` then fails with kind 'cancelled'. */
  cancelLoad: { params: { task: 'forecast' }; result: boolean; update: never };
  memory: MemoryCall;
  /** For tests and the reliability suite: loses this worker's WebGL context as a GPU reset would. */
  loseWebGLContext: { params: Record<string, never>; result: boolean; update: never };
};

/** The same events as the inference worker's: download progress of the shipped package, backend switches. */
export type ForecastEvents = {
  progress: { task: 'forecast'; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
