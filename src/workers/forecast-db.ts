/**
 * The forecast page's IndexedDB: the visitor's prices and the model trained on this device.
 * Each is one record written by one put in one transaction, so a model is saved whole (weights,
 * the weeks it was trained on and its scores) or not at all, even if the tab closes mid-write.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { StoredPrices } from './forecast-protocol.ts';
import type { ForecastStore, SavedModel } from './forecast-service.ts';

const KEY = 'current';

interface ForecastDb extends DBSchema {
  prices: { key: string; value: StoredPrices };
  model: { key: string; value: SavedModel };
}

export function indexedDbForecastStore(name = 'tabml-forecast'): ForecastStore {
  let db: Promise<IDBPDatabase<ForecastDb>> | null = null;
  const open = () => {
    db ??= openDB<ForecastDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore('prices');
        database.createObjectStore('model');
      },
    });
    db.catch(() => (db = null)); // a blocked or failed open can be tried again
    return db;
  };
  return {
    loadPrices: async () => (await (await open()).get('prices', KEY)) ?? null,
    savePrices: async (prices) => void (await (await open()).put('prices', prices, KEY)),
    loadModel: async () => (await (await open()).get('model', KEY)) ?? null,
    saveModel: async (saved) => void (await (await open()).put('model', saved, KEY)),
    deleteModel: async () => (await open()).delete('model', KEY),
    estimate: async () => {
      const estimate = await navigator.storage?.estimate?.();
      return estimate?.quota === undefined ? null : { usage: estimate.usage ?? 0, quota: estimate.quota };
    },
  };
}
