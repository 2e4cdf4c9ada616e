import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../models/forecast/dates.ts';
import { createForecastModel } from '../models/forecast/model.ts';
import type { PriceRow } from '../models/forecast/parse-yahoo-csv.ts';
import type { ModelMeta } from '../runtime/model-meta.ts';
import { useNodeBackend } from '../runtime/node-backend.ts';
import type { ModelInfo, StoredPrices, TrainProgress } from './forecast-protocol.ts';
import { ForecastService, type ForecastStore, type SavedModel, shippedModelInfo } from './forecast-service.ts';

/** IndexedDB's part, in memory (the real store is exercised in e2e). */
class MemoryStore implements ForecastStore {
  prices: StoredPrices | null = null;
  model: SavedModel | null = null;
  failSave: Error | false = false;
  estimated: { usage: number; quota: number } | null = null;
  loadPrices = async () => this.prices;
  savePrices = async (p: StoredPrices) => {
    this.prices = p;
  };
  loadModel = async () => this.model;
  saveModel = async (m: SavedModel) => {
    if (this.failSave) throw this.failSave;
    this.model = m;
  };
  deleteModel = async () => {
    this.model = null;
  };
  estimate = async () => this.estimated;
}

const SHIPPED: ModelInfo = {
  source: 'shipped',
  mode: null,
  trainedOn: null,
  epochs: 300,
  formulation: 'prefixes-last-close',
  savedAt: null,
  finalLoss: null,
};

function shipped(poisoned = false) {
  return async () => {
    const model = createForecastModel({ seed: 3 });
    if (poisoned) {
      const nan = model.getWeights().map((w) => tf.fill(w.shape, NaN));
      model.setWeights(nan);
      tf.dispose(nan);
    }
    return { model, info: SHIPPED };
  };
}

/** A seeded random walk around 30 000 (no real prices). */
function walk(days: number): PriceRow[] {
  let state = 42;
  let close = 30_000;
  return Array.from({ length: days }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    close *= 1 + 0.03 * (state / 2147483648 - 0.5);
    return { date: addDays('2023-01-01', i), close };
  });
}

const context = (signal = new AbortController().signal, updates: TrainProgress[] = []) => ({
  signal,
  update: (u: TrainProgress) => void updates.push(u),
});

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('ForecastService', () => {
  const rows = walk(7 * 12 + 2);

  it('serves the shipped model first: 7 days after the last date, with held-out scores beside the naive ones', async () => {
    const service = new ForecastService(new MemoryStore(), shipped());
    const opened = await service.open();
    expect(opened).toEqual({ model: SHIPPED, prices: null, notice: null });
    const p = await service.predict(rows);
    expect(p.forecast.days.map((d) => d.date)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => addDays(rows[rows.length - 1].date, n)));
    expect(p.metrics!.range.weeks).toBe(3);
    expect(p.metrics!.naive.rmseUsd).toBeGreaterThan(0);
    expect(p.model).toEqual(SHIPPED);
  });

  it('retrains, streams every epoch, saves one record and serves the new model; nothing leaks', async () => {
    const store = new MemoryStore();
    const service = new ForecastService(store, shipped());
    await service.open();
    const before = await service.predict(rows);
    const tensors = tf.memory().numTensors;
    const updates: TrainProgress[] = [];
    const result = await service.train({ rows, mode: 'retrain', epochs: 3 }, context(undefined, updates));
    expect(updates.map((u) => [u.epoch, u.epochs])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(result.model).toMatchObject({ source: 'device', mode: 'retrain', epochs: 3, trainedOn: { weeks: 9 } });
    expect(store.model!.info).toEqual(result.model);
    expect(store.model!.metrics).toEqual(result.metrics);
    const after = await service.predict(rows);
    expect(after.forecast.days).not.toEqual(before.forecast.days);
    expect(after.model).toEqual(result.model);
    expect(tf.memory().numTensors).toBe(tensors); // the shipped model was disposed when replaced
  });

  it('cancelled: the old model keeps serving and nothing is saved', async () => {
    const store = new MemoryStore();
    const service = new ForecastService(store, shipped());
    await service.open();
    const before = await service.predict(rows);
    const tensors = tf.memory().numTensors;
    const controller = new AbortController();
    const updates: TrainProgress[] = [];
    const update = (u: TrainProgress) => {
      updates.push(u);
      if (u.epoch === 2) controller.abort();
    };
    const ctx = { signal: controller.signal, update };
    await expect(service.train({ rows, mode: 'new', epochs: 50 }, ctx)).rejects.toMatchObject({
      kind: 'cancelled',
      message: expect.stringContaining('after 2 of 50 epochs'),
    });
    expect(store.model).toBeNull();
    expect((await service.predict(rows)).forecast).toEqual(before.forecast);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('a model that diverges (NaN) is refused and the old one serves; a failed save too', async () => {
    const store = new MemoryStore();
    const poisoned = new ForecastService(store, shipped(true));
    await poisoned.open();
    await expect(poisoned.train({ rows, mode: 'retrain', epochs: 2 }, context())).rejects.toMatchObject({ kind: 'invalid' });
    expect(store.model).toBeNull();

    const service = new ForecastService(store, shipped());
    await service.open();
    const before = await service.predict(rows);
    store.failSave = new Error('Internal error opening backing store for indexedDB.open.');
    await expect(service.train({ rows, mode: 'new', epochs: 2 }, context())).rejects.toMatchObject({ kind: 'storage' });
    expect((await service.predict(rows)).model).toEqual(SHIPPED);
    expect((await service.predict(rows)).forecast).toEqual(before.forecast);
  });

  it('a full storage: the message says how much space the model needs and how much is free; a later retrain saves', async () => {
    const store = new MemoryStore();
    const service = new ForecastService(store, shipped());
    await service.open();
    const before = await service.predict(rows);
    store.failSave = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    store.estimated = { usage: 10_000, quota: 10_000 };
    const failed = await service.train({ rows, mode: 'retrain', epochs: 2 }, context()).catch((err: Error) => err);
    expect(failed).toMatchObject({ kind: 'storage' });
    // LSTM(7) and Dense(7) weights as float32, plus the scores and the description: a few KB.
    expect((failed as Error).message).toMatch(
      new RegExp(
        String.raw`^Saving the retrained model needs about \d\.\d KB, but only 0 bytes of this site's 10 KB of storage ` +
          String.raw`on this device is free\. The previous model still serves\.`,
      ),
    );
    expect((await service.predict(rows)).forecast).toEqual(before.forecast);
    expect(store.model).toBeNull();

    store.failSave = false;
    const trained = await service.train({ rows, mode: 'retrain', epochs: 2 }, context());
    expect(trained.model.source).toBe('device');
    expect(store.model?.info).toEqual(trained.model);
  });

  it('a new session serves the saved model; reset deletes it and the shipped one serves again', async () => {
    const store = new MemoryStore();
    const first = new ForecastService(store, shipped());
    await first.open();
    await first.savePrices(rows, 'prices.csv');
    const trained = await first.train({ rows, mode: 'new', epochs: 2 }, context());

    const second = new ForecastService(store, shipped());
    const opened = await second.open();
    expect(opened.model).toEqual(trained.model);
    expect(opened.prices).toMatchObject({ rows, source: 'prices.csv' });
    expect((await second.predict(rows)).forecast).toEqual(trained.forecast);
    expect(await second.reset()).toEqual(SHIPPED);
    expect(store.model).toBeNull();
    expect((await second.predict(rows)).model).toEqual(SHIPPED);
  });

  it('after a backend switch, the same model serves again, rebuilt; a training cut off by it frees the service for its rerun', async () => {
    const store = new MemoryStore();
    const service = new ForecastService(store, shipped());
    await service.open();
    await service.train({ rows, mode: 'new', epochs: 2 }, context());
    // A run that will never finish (its context is gone): the switch must not leave the service "busy".
    const controller = new AbortController();
    const cutOff = service.train({ rows, mode: 'retrain', epochs: 50 }, { signal: controller.signal, update: () => {} });
    await service.backendChanged();
    const rerun = await service.train({ rows, mode: 'retrain', epochs: 2 }, context());
    expect(rerun.model).toMatchObject({ source: 'device', mode: 'retrain', epochs: 4 });
    // The cut-off run, should it ever end, replaces nothing.
    controller.abort();
    await expect(cutOff).rejects.toBeDefined();
    expect((await service.predict(rows)).model).toEqual(rerun.model);
  });

  it('reset keeps the saved model serving when the shipped one cannot be loaded', async () => {
    const store = new MemoryStore();
    let offline = false;
    const service = new ForecastService(store, async () => {
      if (offline) throw new Error('Could not download meta.json: the network request failed.');
      return shipped()();
    });
    await service.open();
    const trained = await service.train({ rows, mode: 'new', epochs: 2 }, context());
    offline = true;
    await expect(service.reset()).rejects.toThrow('the network request failed');
    expect(store.model).not.toBeNull();
    expect((await service.predict(rows)).model).toEqual(trained.model);
  });

  it('refuses bad epochs and too little data with plain messages', async () => {
    const service = new ForecastService(new MemoryStore(), shipped());
    await service.open();
    await expect(service.train({ rows, mode: 'new', epochs: 0 }, context())).rejects.toThrow(
      'Epochs must be a whole number from 1 to 5000; got 0.',
    );
    await expect(service.train({ rows, mode: 'new', epochs: 2.5 }, context())).rejects.toMatchObject({ kind: 'input' });
    await expect(service.train({ rows: walk(10), mode: 'new', epochs: 2 }, context())).rejects.toThrow(/at least 2 complete weeks/);
  });

  it("reads the shipped package's range and formulation from its meta.json", () => {
    const meta = {
      training: {
        command: 'x',
        data: 'closes 2016-01-04 … 2019-08-04: 187 weeks',
        range: { from: '2016-01-11', to: '2019-08-04', weeks: 186 },
        formulation: 'prefixes',
        epochs: 300,
      },
    } as unknown as ModelMeta;
    // The structured range, not the prose (which says otherwise here).
    expect(shippedModelInfo(meta)).toMatchObject({
      source: 'shipped',
      trainedOn: { from: '2016-01-11', to: '2019-08-04', weeks: 186 },
      formulation: 'prefixes',
      epochs: 300,
    });
  });

  it('a meta.json without a training range says nothing about it', () => {
    const meta = { training: { command: 'x', data: 'closes 2016-01-04 … 2019-08-04: 187 weeks' } } as unknown as ModelMeta;
    expect(shippedModelInfo(meta).trainedOn).toBeNull();
  });
});
