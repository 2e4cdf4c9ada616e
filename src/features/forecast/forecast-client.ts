/**
 * The forecast worker, one per tab, started when the Forecast page first opens. Training runs
 * there, apart from the inference worker, so neither the page nor the other models wait for it.
 */

import { exposeWorkerClient } from '../../app/test-hooks.ts';
import { type PriceSource, parsePriceSources } from '../../models/forecast/price-sources.ts';
import { buildSettings } from '../../runtime/settings.ts';
import { WorkerClient } from '../../runtime/worker-client.ts';
import type { ForecastCalls, ForecastEvents } from '../../workers/forecast-protocol.ts';

export type ForecastClient = WorkerClient<ForecastCalls, ForecastEvents>;

let client: ForecastClient | null = null;

export function forecastClient(): ForecastClient {
  if (!client) {
    const worker = new Worker(new URL('../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name: 'tabml-forecast' });
    client = new WorkerClient<ForecastCalls, ForecastEvents>(worker);
  }
  exposeWorkerClient('forecast', client);
  return client;
}

/** Where "Update to today" asks for prices (VITE_PRICE_SOURCES, VITE_PRICES_URL at build time); none hides it. */
export function priceSources(): PriceSource[] {
  const { priceSources, pricesUrl } = buildSettings();
  return parsePriceSources(priceSources, pricesUrl);
}

/** The default history (`npm run samples` wrote it; committed, precached by the service worker). */
export const SAMPLE_PRICES_PATH = 'samples/forecast/btc-usd-close.csv';
