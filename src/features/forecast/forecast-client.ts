/**
 * The forecast worker, one per tab, started when the Forecast page first opens. Training runs
 * there, apart from the inference worker, so neither the page nor the other models wait for it.
 */

import { type PriceSource, parsePriceSources } from '../../models/forecast/price-sources.ts';
import { WorkerClient } from '../../runtime/worker-client.ts';
import type { ForecastCalls } from '../../workers/forecast-protocol.ts';

export type ForecastClient = WorkerClient<ForecastCalls>;

let client: ForecastClient | null = null;

export function forecastClient(): ForecastClient {
  if (!client) {
    const worker = new Worker(new URL('../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name: 'tabml-forecast' });
    client = new WorkerClient<ForecastCalls>(worker);
  }
  // Tests and the benchmark drive it as window.__tabml.forecast, beside the inference client.
  const handle = window as unknown as { __tabml?: Record<string, unknown> };
  handle.__tabml = { ...handle.__tabml, forecast: client };
  return client;
}

/** Where "Update to today" asks for prices (VITE_PRICE_SOURCES, VITE_PRICES_URL at build time); none hides it. */
export function priceSources(): PriceSource[] {
  return parsePriceSources(import.meta.env.VITE_PRICE_SOURCES as string | undefined, import.meta.env.VITE_PRICES_URL as string | undefined);
}

/** The default history (`npm run samples` wrote it; committed, precached by the service worker). */
export const SAMPLE_PRICES_PATH = 'samples/forecast/btc-usd-close.csv';
