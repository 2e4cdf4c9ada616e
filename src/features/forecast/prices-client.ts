/**
 * The page's way to turn price files into rows: through the prices worker, started when the
 * Forecast page first needs it and kept for the tab. Its errors arrive with kind 'input' and plain words.
 */

import type { ParsedPrices } from '../../models/forecast/parse-yahoo-csv.ts';
import { WorkerClient } from '../../runtime/worker-client.ts';
import type { PricesCalls } from '../../workers/prices-protocol.ts';

let client: WorkerClient<PricesCalls> | null = null;

function pricesClient(): WorkerClient<PricesCalls> {
  client ??= new WorkerClient<PricesCalls>(
    new Worker(new URL('../../workers/prices.worker.ts', import.meta.url), { type: 'module', name: 'tabml-prices' }),
  );
  return client;
}

/** A dropped or picked file (the File itself crosses to the worker; its bytes are never read here). */
export function readPriceFileOffThread(file: File): Promise<ParsedPrices> {
  return pricesClient().call('readFile', { file });
}

export function readPastedPrices(text: string): Promise<ParsedPrices> {
  return pricesClient().call('readText', { text });
}

/** The bundled default history (null if it cannot be read: offline before the first visit). */
export function readSamplePrices(url: string): Promise<ParsedPrices | null> {
  return pricesClient()
    .call('readSample', { url })
    .catch(() => null);
}
