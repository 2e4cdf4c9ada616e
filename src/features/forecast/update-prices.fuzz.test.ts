/**
 * Property test of the whole update from the bytes up: both exchanges answer with generated
 * bodies (good answers cut short, bytes replaced or inserted, random bytes, huge numbers, deep
 * nesting) and statuses. Every run ends in an update whose rows keep the stored ones, or in a
 * PriceUpdateError in plain words; nothing else escapes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { coinbaseAnswer, krakenAnswer } from '../../../e2e/fixtures/exchanges.ts';
import { parsePriceSources } from '../../models/forecast/price-sources.ts';
import { PriceUpdateError, updatePrices } from './update-prices.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const SOURCES = parsePriceSources('coinbase=https://cb.test,kraken=https://kr.test');
const STORED = [
  { date: '2026-11-09', close: 90_000 },
  { date: '2026-11-10', close: 91_000 },
];
let inputs = 0;
afterAll(() => console.log(`fuzz updatePrices (answer bytes): ${inputs} inputs`));

const good = (host: string, url: URL) =>
  JSON.stringify((host === 'cb.test' ? coinbaseAnswer(url, { now: NOW }) : krakenAnswer(url, { now: NOW })).body);

/** How one exchange answers: a status and a way to turn its good body into the one sent. */
const reply = fc.record({
  status: fc.constantFrom(200, 200, 200, 200, 204, 400, 429, 500, 503),
  unreachable: fc.boolean().map((b) => b && Math.random() < 0.3),
  body: fc.oneof(
    fc.constant((text: string) => text),
    fc.nat().map((n) => (text: string) => text.slice(0, n % (text.length + 1))),
    fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })).map(([n, bytes]) => (text: string) => {
      const at = n % (text.length + 1);
      return text.slice(0, at) + bytes + text.slice(at + bytes.length);
    }),
    fc.tuple(fc.nat(), fc.string({ unit: 'binary-ascii', maxLength: 3 })).map(([n, bytes]) => (text: string) => {
      const at = n % (text.length + 1);
      return text.slice(0, at) + bytes + text.slice(at);
    }),
    fc
      .constantFrom('1e999', '-1e999', '123456789012345678901234567890', '0', '-0.0', '""', 'null', '[]', '{}', '[[]]')
      .map((v) => (text: string) => text.replace(/(-?\d+\.?\d*)(?=[\],])/, v)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => () => new TextDecoder().decode(bytes)),
    fc.integer({ min: 1, max: 5000 }).map((depth) => () => '['.repeat(depth) + ']'.repeat(depth)),
    fc.jsonValue({ maxDepth: 3 }).map((value) => () => JSON.stringify(value) ?? ''),
  ),
});

describe('updatePrices on generated answers', () => {
  it('every answer gives an update that keeps the stored prices, or a plain PriceUpdateError', async () => {
    await fc.assert(
      fc.asyncProperty(reply, reply, async (cb, kr) => {
        inputs++;
        const fetchImpl = (async (input: RequestInfo | URL) => {
          const url = new URL(String(input));
          const r = url.host === 'cb.test' ? cb : kr;
          if (r.unreachable) throw new TypeError('Failed to fetch');
          const text = r.status === 204 ? '' : r.body(good(url.host, url));
          // The two members updatePrices reads (undici's Response costs ~1 ms here, too slow for thousands).
          return { ok: r.status >= 200 && r.status < 300, status: r.status, text: async () => text } as Response;
        }) as typeof fetch;
        try {
          const outcome = await updatePrices({ sources: SOURCES, stored: STORED, now: NOW, fetch: fetchImpl });
          if (outcome.kind !== 'updated') return false;
          const rows = outcome.rows;
          return (
            rows[0].date === STORED[0].date &&
            rows[0].close === STORED[0].close &&
            rows[1].close === STORED[1].close &&
            rows.every((r, i) => r.close > 0 && Number.isFinite(r.close) && r.date < '2026-12-02' && (i === 0 || rows[i - 1].date < r.date))
          );
        } catch (err) {
          if (!(err instanceof PriceUpdateError)) throw err;
          expect(err.message).toMatch(/^Could not update the prices\. .* Your prices and the model are unchanged\. /);
          expect(err.message).not.toMatch(/TypeError|SyntaxError|RangeError|undefined|Failed to fetch|\[object |\bat \w+ \(/);
          return true;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
