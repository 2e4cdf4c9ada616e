/**
 * What the forecast worker does, without the worker: it owns the model that serves, predicts
 * from it, trains a replacement beside it and swaps the two only once the replacement has
 * finished, passed validation (no NaN) and been saved. The store and the shipped model are
 * passed in, so Node tests can run it with an in-memory store.
 */
import type * as tf from '@tensorflow/tfjs';
import { DEFAULT_EPOCHS } from '../models/forecast/constants.ts';
import { EPOCH_COUNT_RULE, isEpochCount } from '../models/forecast/epoch-count.ts';
import { isFormulation } from '../models/forecast/formulation.ts';
import { type HeldOutMetrics, heldOutCount, heldOutMetrics, planWeeks } from '../models/forecast/held-out.ts';
import type { PriceRow } from '../models/forecast/parse-yahoo-csv.ts';
import { forecastNextWeek } from '../models/forecast/predict.ts';
import { allFinite, modelFromWeights, type StoredWeight, weightsOf } from '../models/forecast/stored-weights.ts';
import { trainForecastModel } from '../models/forecast/train.ts';
import { groupIntoWeeks } from '../models/forecast/weeks.ts';
import type { ModelMeta } from '../runtime/model-meta.ts';
import type { CallContext } from '../runtime/rpc.ts';
import { KindedError } from '../runtime/rpc.ts';
import type { ModelInfo, Prediction, StoredPrices, TrainMode, TrainProgress } from './forecast-protocol.ts';
import { isQuotaError, type StorageEstimate, storageFullMessage, storedBytes } from './storage-full.ts';

/** A model trained on this device, as IndexedDB keeps it: one record, written in one transaction. */
export interface SavedModel {
  weights: StoredWeight[];
  info: ModelInfo;
  metrics: HeldOutMetrics | null;
}

export interface ForecastStore {
  loadPrices(): Promise<StoredPrices | null>;
  savePrices(prices: StoredPrices): Promise<void>;
  loadModel(): Promise<SavedModel | null>;
  saveModel(saved: SavedModel): Promise<void>;
  deleteModel(): Promise<void>;
  /** This site's storage use and quota, when the browser says (for a plain "storage is full"). */
  estimate?(): Promise<StorageEstimate | null>;
}

export interface ShippedModel {
  model: tf.LayersModel;
  info: ModelInfo;
}

/** Lets the worker read messages (a cancel) while training, at most every 50 ms. */
function yielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

export function checkEpochs(epochs: number): void {
  if (!isEpochCount(epochs)) throw new KindedError(`${EPOCH_COUNT_RULE}; got ${epochs}.`, 'input');
}

function disposeQuietly(model: tf.LayersModel | null) {
  try {
    model?.dispose();
  } catch {
    // its WebGL context is gone, and its weights with it
  }
}

export class ForecastService {
  private serving: { model: tf.LayersModel; info: ModelInfo } | null = null;
  private training = false;
  /** Counts backend switches: a training started before one belongs to a backend that is gone. */
  private generation = 0;

  constructor(
    private readonly store: ForecastStore,
    private readonly loadShipped: () => Promise<ShippedModel>,
  ) {}

  /** The saved model if there is a usable one, else the shipped one; `notice` says why a saved one was not used. */
  async open(): Promise<{ model: ModelInfo; prices: StoredPrices | null; notice: string | null }> {
    let notice: string | null = null;
    if (!this.serving) {
      const saved = await this.store.loadModel().catch(() => null);
      if (saved) {
        try {
          if (!allFinite(saved.weights)) throw new Error('its weights are not all numbers');
          this.serving = { model: modelFromWeights(saved.weights), info: saved.info };
        } catch (err) {
          notice = `The model trained on this device could not be loaded (${(err as Error).message}); the shipped model serves instead.`;
        }
      }
      this.serving ??= await this.loadShipped();
    }
    const prices = await this.store.loadPrices().catch(() => null);
    return { model: this.serving.info, prices, notice };
  }

  async savePrices(rows: PriceRow[], source: string): Promise<StoredPrices> {
    const prices: StoredPrices = { rows, source, savedAt: new Date().toISOString() };
    try {
      await this.store.savePrices(prices);
    } catch (err) {
      const outcome = 'They are shown, but will be gone after a reload.';
      throw await this.storageError(err, 'the prices', prices, outcome, `The prices could not be kept on this device. ${outcome}`);
    }
    return prices;
  }

  async predict(rows: PriceRow[]): Promise<Prediction> {
    const { model, info } = this.current();
    return { ...(await this.predictWith(model, rows)), model: info };
  }

  async train(
    { rows, mode, epochs = DEFAULT_EPOCHS }: { rows: PriceRow[]; mode: TrainMode; epochs: number },
    { signal, update }: CallContext<TrainProgress>,
  ): Promise<Prediction & { losses: number[] }> {
    checkEpochs(epochs);
    if (this.training) throw new KindedError('A training is already running; wait for it or cancel it.', 'busy');
    const serving = this.current();
    let plan: ReturnType<typeof planWeeks>;
    try {
      plan = planWeeks(rows);
    } catch (err) {
      throw new KindedError((err as Error).message, 'input');
    }
    this.training = true;
    const generation = this.generation;
    let trained: tf.LayersModel | null = null;
    try {
      const yieldNow = yielder();
      const result = await trainForecastModel(plan.training, {
        formulation: serving.info.formulation,
        epochs,
        // "retrain" continues from the weights that serve; they are copied, so serving goes on.
        initialWeights: mode === 'retrain' ? serving.model.getWeights() : undefined,
        signal,
        onEpochEnd: async (epoch, loss) => {
          update({ epoch, epochs, loss });
          await yieldNow();
        },
      });
      trained = result.model;
      if (result.stopped || signal.aborted) {
        throw new KindedError(
          `Training cancelled after ${result.losses.length} of ${epochs} epochs; the previous model still serves.`,
          'cancelled',
        );
      }
      const weights = await weightsOf(trained);
      const lastLoss = result.losses[result.losses.length - 1];
      if (!allFinite(weights) || !Number.isFinite(lastLoss)) {
        throw new KindedError(
          'Training diverged (the new weights or loss are not numbers); the ' +
            'previous model still serves. Try fewer epochs or "train a new model".',
          'invalid',
        );
      }
      let prediction: Omit<Prediction, 'model'>;
      try {
        prediction = await this.predictWith(trained, rows);
      } catch (err) {
        throw new KindedError(`The new model failed validation (${(err as Error).message}); the previous model still serves.`, 'invalid');
      }
      const info: ModelInfo = {
        source: 'device',
        mode,
        trainedOn: plan.trainingRange,
        epochs: mode === 'retrain' && serving.info.source === 'device' ? serving.info.epochs + epochs : epochs,
        formulation: serving.info.formulation,
        savedAt: new Date().toISOString(),
        finalLoss: lastLoss,
      };
      const saved: SavedModel = { weights, info, metrics: prediction.metrics };
      try {
        await this.store.saveModel(saved);
      } catch (err) {
        const outcome = 'The previous model still serves.';
        throw await this.storageError(
          err,
          `the ${mode === 'retrain' ? 'retrained' : 'new'} model`,
          saved,
          outcome,
          `The new model could not be saved on this device. ${outcome}`,
        );
      }
      if (generation !== this.generation)
        throw new KindedError('The graphics processor was reset during training; the previous model still serves.', 'runtime');
      this.replace({ model: trained, info });
      trained = null;
      return { ...prediction, model: info, losses: result.losses };
    } finally {
      disposeQuietly(trained);
      if (generation === this.generation) this.training = false;
    }
  }

  /**
   * The backend changed under the worker (a lost WebGL context): the model that serves went with
   * it, and a training in flight will never finish. Serve the same model again, rebuilt on the new
   * backend (a model trained here was saved before it served, so IndexedDB has it).
   */
  async backendChanged(): Promise<void> {
    this.generation += 1;
    this.training = false;
    const lost = this.serving;
    this.serving = null;
    disposeQuietly(lost?.model ?? null);
    await this.open();
  }

  async reset(): Promise<ModelInfo> {
    if (this.training) throw new KindedError('A training is running; cancel it before going back to the shipped model.', 'busy');
    // The shipped model first: if it cannot be loaded (offline, never downloaded), nothing changes.
    const shipped = this.current().info.source === 'shipped' ? null : await this.loadShipped();
    try {
      await this.store.deleteModel();
    } catch (err) {
      shipped?.model.dispose();
      throw new KindedError(
        `The model trained on this device could not be removed (${(err as Error).message}); it still serves.`,
        'storage',
      );
    }
    if (shipped) this.replace(shipped);
    return this.current().info;
  }

  /**
   * A failed write, in plain words (kind 'storage'): a full storage says how much `value` needs and
   * how much is free; anything else says `otherwise`. The browser's own words go to the console.
   */
  private async storageError(err: unknown, what: string, value: unknown, outcome: string, otherwise: string): Promise<KindedError> {
    console.error('tabml: saving', what, 'failed', err);
    if (!isQuotaError(err))
      return new KindedError(
        `${otherwise} Reload the page and try again; if it fails again, this browser may not allow this site to store data (private mode).`,
        'storage',
      );
    const estimate = await this.store.estimate?.().catch(() => null);
    return new KindedError(storageFullMessage(what, storedBytes(value), estimate ?? null, outcome), 'storage');
  }

  private current() {
    if (!this.serving) throw new KindedError('The forecast model is not loaded yet.', 'runtime');
    return this.serving;
  }

  private replace(next: { model: tf.LayersModel; info: ModelInfo }) {
    this.serving?.model.dispose();
    this.serving = next;
  }

  private async predictWith(model: tf.LayersModel, rows: PriceRow[]): Promise<Omit<Prediction, 'model'>> {
    const forecast = await forecastNextWeek(model, rows);
    const weeks = groupIntoWeeks(rows, 'end');
    const metrics = await heldOutMetrics(model, weeks, weeks.length - heldOutCount(weeks.length));
    return { forecast, metrics };
  }
}

/** What the page says about the shipped package, from its meta.json. */
export function shippedModelInfo(meta: ModelMeta): ModelInfo {
  const { formulation, epochs, range } = meta.training;
  return {
    source: 'shipped',
    mode: null,
    // The structured range, validated with the rest of meta.json at load.
    trainedOn: range ?? null,
    epochs: typeof epochs === 'number' ? epochs : DEFAULT_EPOCHS,
    // "retrain" and "train new" use the formulation the shipped model was trained with.
    formulation: typeof formulation === 'string' && isFormulation(formulation) ? formulation : 'prefixes-last-close',
    savedAt: null,
    finalLoss: null,
  };
}
