/**
 * The prices worker: reads price files (dropped, picked, pasted, and the bundled sample) into rows
 * off the page's thread. It needs no model, so it answers while the forecast worker is still
 * starting or busy training.
 */

import { readPriceFile, readPrices } from '../features/forecast/read-prices.ts';
import { KindedError } from '../runtime/rpc.ts';
import { serveRpc } from '../runtime/rpc-server.ts';
import type { PricesCalls } from './prices-protocol.ts';

/**
 * The readers' own errors (plain Error) say what is wrong with the file: kind 'input', so the page
 * shows them. A JavaScript error (TypeError, …) is a bug and stays 'internal'.
 */
async function asInputErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Error && err.constructor === Error) throw new KindedError(err.message, 'input');
    throw err;
  }
}

serveRpc<PricesCalls, Record<string, never>>(self as unknown as Parameters<typeof serveRpc>[0], {
  readFile: ({ file }) => asInputErrors(() => readPriceFile(file)),
  readText: ({ text }) => asInputErrors(() => readPrices(text)),
  async readSample({ url }) {
    try {
      const response = await fetch(url);
      if (!response.ok) return null;
      return readPrices(await response.text());
    } catch {
      return null;
    }
  },
});
