import { describe, expect, it } from 'vitest';
import { type Answer, coinbaseAnswer, type ExchangeState, krakenAnswer, syntheticClose } from '../../../e2e/fixtures/exchanges.ts';
import { parsePriceSources } from '../../models/forecast/price-sources.ts';
import { PriceUpdateError, type UpdateOptions, updatePrices, withSource } from './update-prices.ts';

const NOW = new Date('2026-12-02T15:30:00Z'); // today 2026-12-02 (unfinished), yesterday 2026-12-01
const SOURCES = parsePriceSources('coinbase=https://cb.test,kraken=https://kr.test');
const BUNDLED = [
  { date: '2024-04-20', close: 64_994.44 },
  { date: '2024-04-21', close: 64_926.64 },
];

type Fault = 'unreachable' | 'empty' | 'status' | 'truncated' | ((answer: Answer) => Answer);

/** fetch as the two exchanges answer it; each host can be given a fault. Records every URL asked for. */
function exchanges(faults: { cb?: Fault; kr?: Fault } = {}, state: ExchangeState = { now: NOW }) {
  const requests: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(url.href);
    const fault = url.host === 'cb.test' ? faults.cb : faults.kr;
    if (fault === 'unreachable') throw new TypeError('Failed to fetch'); // what a CORS-less 429 or no network looks like
    let answer = url.host === 'cb.test' ? coinbaseAnswer(url, state) : krakenAnswer(url, state);
    if (fault === 'status') answer = { status: 503, body: { message: 'Service Unavailable' } };
    if (typeof fault === 'function') answer = fault(answer);
    let text = JSON.stringify(answer.body);
    if (fault === 'empty') text = '';
    if (fault === 'truncated') text = text.slice(0, Math.floor(text.length / 2));
    return new Response(text, { status: answer.status });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

const update = (options: Partial<UpdateOptions> & { fetch: typeof fetch }) =>
  updatePrices({ sources: SOURCES, stored: BUNDLED, now: NOW, ...options });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PriceUpdateError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/TypeError|SyntaxError|undefined|Failed to fetch|\bat \w/);
  return message;
}

describe('updatePrices', () => {
  it('pages Coinbase through the gap, one window of at most 300 days at a time, up to yesterday', async () => {
    const { fetchImpl, requests } = exchanges();
    const progress: string[] = [];
    const outcome = await update({ fetch: fetchImpl, onProgress: (m) => progress.push(m) });
    expect(requests).toHaveLength(4); // 2024-04-22 … 2026-12-01 is 954 days
    expect(requests.map((u) => new URL(u).searchParams.get('start'))).toEqual([
      '2024-04-22T00:00:00Z',
      '2025-02-16T00:00:00Z',
      '2025-12-13T00:00:00Z',
      '2026-10-09T00:00:00Z',
    ]);
    expect(progress[3]).toBe('Asking Coinbase for 2026-10-09 … 2026-12-01 (4 of 4)…');
    if (outcome.kind !== 'updated') throw new Error('expected an update');
    expect(outcome.source).toBe('Coinbase');
    expect(outcome.addedDates).toHaveLength(954);
    // Today's moving candle is dropped.
    expect(outcome.rows[outcome.rows.length - 1]).toEqual({ date: '2026-12-01', close: syntheticClose('2026-12-01') });
    expect(outcome.rows.slice(0, 2)).toEqual(BUNDLED);
    expect(outcome.notes).toEqual([]);
  });

  it('asks nothing when the newest price is yesterday', async () => {
    const { fetchImpl, requests } = exchanges();
    const stored = [...BUNDLED, { date: '2026-12-01', close: 1 }];
    expect(await update({ fetch: fetchImpl, stored })).toEqual({ kind: 'up-to-date', last: '2026-12-01' });
    expect(requests).toEqual([]);
  });

  it('Coinbase unreachable (a 429 without CORS headers): Kraken fills in its latest 720 days and says the rest is missing', async () => {
    const { fetchImpl, requests } = exchanges({ cb: 'unreachable' });
    const outcome = await update({ fetch: fetchImpl });
    if (outcome.kind !== 'updated') throw new Error('expected an update');
    expect(requests.map((u) => new URL(u).host)).toEqual(['cb.test', 'kr.test']); // no more Coinbase pages after a failure
    expect(outcome.source).toBe('Kraken');
    expect(outcome.addedDates[0]).toBe('2024-12-13');
    expect(outcome.addedDates[outcome.addedDates.length - 1]).toBe('2026-12-01');
    expect(outcome.notes).toEqual([
      'Coinbase could not be reached. The prices came from Kraken instead.',
      'Partly filled: Kraken had no prices from 2024-04-22 to 2024-12-12 (Kraken gives only its latest ' +
        '720 days), so prices were added from 2024-12-13 on and the history has a gap before that day.',
    ]);
  });

  it('an empty answer from Coinbase counts as a failure: Kraken is asked', async () => {
    const { fetchImpl } = exchanges({ cb: (a) => ({ ...a, body: [] }) });
    const stored = [...BUNDLED, { date: '2026-11-20', close: syntheticClose('2026-11-20') }];
    const outcome = await update({ fetch: fetchImpl, stored });
    expect(outcome.kind === 'updated' && outcome.source).toBe('Kraken');
    expect(outcome.kind === 'updated' && outcome.notes[0]).toBe(
      'Coinbase had no prices after 2026-11-20. The prices came from Kraken instead.',
    );
  });

  it.each<[string, Fault, Fault, RegExp]>([
    [
      'both unreachable',
      'unreachable',
      'unreachable',
      /Coinbase could not be reached\. Kraken could not be reached\. .*Check your internet connection/,
    ],
    [
      'error statuses',
      'status',
      'status',
      /Coinbase answered with an error \(HTTP 503: 'Service Unavailable'\)\. Kraken answered with an error \(HTTP 503/,
    ],
    [
      'cut-off answers',
      'truncated',
      'truncated',
      /Coinbase sent an answer that is cut off or garbled \(not complete JSON\)\. Kraken sent an answer that is cut off/,
    ],
    ['empty bodies', 'empty', 'empty', /Coinbase sent an empty answer\. Kraken sent an empty answer\./],
  ])('%s: a plain message, nothing returned', async (_, cb, kr, expected) => {
    const message = await failure(update({ fetch: exchanges({ cb, kr }).fetchImpl }));
    expect(message).toMatch(/^Could not update the prices\. /);
    expect(message).toMatch(expected);
    expect(message).toContain('Your prices and the model are unchanged.');
  });

  it('a connection that drops mid-answer: "broke off", and Kraken is asked', async () => {
    const dropping = (async (input: RequestInfo | URL) => {
      if (new URL(String(input)).host === 'kr.test') throw new TypeError('Failed to fetch');
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[[1713744000,1,2,3,'));
          controller.error(new Error('ECONNRESET'));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    expect(await failure(update({ fetch: dropping }))).toContain(
      "Coinbase's answer broke off before its end. Kraken could not be reached.",
    );
  });

  it('offline: says so', async () => {
    const message = await failure(update({ fetch: exchanges({ cb: 'unreachable', kr: 'unreachable' }).fetchImpl, online: false }));
    expect(message).toContain('This device seems to be offline: connect to the internet, then press Update to today again.');
  });

  it('a malformed row, a zero or negative close, a future day: the source is refused whole', async () => {
    const mutate = (f: (rows: unknown[][]) => void) => (a: Answer) => {
      const rows = structuredClone(a.body) as unknown[][];
      f(rows);
      return { ...a, body: rows };
    };
    const zero = mutate((rows) => (rows[5][4] = 0));
    const negative = mutate((rows) => (rows[5][4] = -64_000));
    const malformed = mutate((rows) => (rows[7] = [1, 2]));
    const future = mutate((rows) => rows.unshift([Date.parse('2026-12-03T00:00:00Z') / 1000, 1, 2, 3, 4, 5]));
    const outOfOrder = mutate((rows) => rows.reverse());
    const krakenNaN = (a: Answer) => {
      const body = structuredClone(a.body) as { result: { XXBTZUSD: unknown[][] } };
      body.result.XXBTZUSD[3][4] = 'NaN';
      return { ...a, body };
    };
    expect(await failure(update({ fetch: exchanges({ cb: zero, kr: krakenNaN }).fetchImpl }))).toMatch(
      /Coinbase sent a close of '0' for \d{4}-\d\d-\d\d: not a positive price\. Kraken sent a close of 'NaN'/,
    );
    expect(await failure(update({ fetch: exchanges({ cb: negative, kr: 'unreachable' }).fetchImpl }))).toContain(
      "Coinbase sent a close of '-64000'",
    );
    expect(await failure(update({ fetch: exchanges({ cb: malformed, kr: 'unreachable' }).fetchImpl }))).toContain(
      "Coinbase sent a malformed row (row 8: '[1,2]').",
    );
    expect(await failure(update({ fetch: exchanges({ cb: future, kr: 'unreachable' }).fetchImpl }))).toContain(
      'Coinbase sent a price for 2026-12-03, a day that has not happened yet (today is 2026-12-02, UTC).',
    );
    expect(await failure(update({ fetch: exchanges({ cb: outOfOrder, kr: 'unreachable' }).fetchImpl }))).toContain(
      'Coinbase sent the days out of order',
    );
  });

  it('where a fetched day overlaps a stored one and differs by more than 1%, the stored close stays and the page is told', async () => {
    // Kraken's 720 days overlap a history that ends in 2026 but has a different close on one day.
    const stored = [
      { date: '2026-11-27', close: syntheticClose('2026-11-27') * 1.05 },
      { date: '2026-11-28', close: syntheticClose('2026-11-28') },
    ];
    const overlapping = (a: Answer) => ({
      ...a,
      body: (a.body as number[][]).concat([[Date.parse('2026-11-27T00:00:00Z') / 1000, 1, 2, 3, syntheticClose('2026-11-27'), 5]]),
    });
    const outcome = await update({ fetch: exchanges({ cb: overlapping }).fetchImpl, stored });
    if (outcome.kind !== 'updated') throw new Error('expected an update');
    expect(outcome.rows[0]).toEqual(stored[0]);
    expect(outcome.addedDates).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(outcome.notes).toEqual([
      expect.stringMatching(
        new RegExp(
          "^On 1 day Coinbase's close differs from the stored one by more than 1% " +
            String.raw`\(first: 2026-11-27, stored [\d,.]+, Coinbase [\d,.]+\): the stored prices were kept for those days\.$`,
        ),
      ),
    ]);
  });

  it('the exchange has not got yesterday yet: what it has is added, and the page is told', async () => {
    const { fetchImpl } = exchanges({}, { now: NOW, newest: '2026-11-29' });
    const stored = [{ date: '2026-11-20', close: syntheticClose('2026-11-20') }];
    const outcome = await update({ fetch: fetchImpl, stored });
    expect(outcome.kind === 'updated' && outcome.notes).toEqual([
      "Coinbase's newest finished day is 2026-11-29; 2 more will come when it has them.",
    ]);
  });

  it('csv= (VITE_PRICES_URL): a Yahoo-format file relative to the page, merged the same way', async () => {
    const csv =
      'Date,Open,High,Low,Close,Adj ' +
      'Close,Volume\n2024-04-21,1,1,1,64926.64,64926.64,1\n2024-04-22,1,1,1,66000,66000,1\n2024-04-23,1,1,1,null,null,0\n';
    const asked: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response(csv);
    }) as typeof fetch;
    const outcome = await update({
      fetch: fetchImpl,
      sources: parsePriceSources('', 'prices/latest.csv'),
      pageUrl: 'https://app.example/tabml/#/forecast',
    });
    expect(asked).toEqual(['https://app.example/tabml/prices/latest.csv']);
    expect(outcome.kind === 'updated' && [outcome.source, outcome.addedDates]).toEqual(['app.example', ['2024-04-22']]);
    const bad = (async () => new Response('Date,Close\n2024-04-22,abc\n')) as unknown as typeof fetch;
    expect(await failure(update({ fetch: bad, sources: parsePriceSources('csv=https://p.example/x.csv') }))).toContain(
      "p.example sent a price file this page cannot use: Line 2: the close price 'abc' is not a number.",
    );
  });

  it('a fetch that rejects with something odd, or a timeout, is "could not be reached" / "did not answer"', async () => {
    const odd = (async () => Promise.reject(Object.create(null))) as unknown as typeof fetch;
    expect(await failure(update({ fetch: odd }))).toContain('Coinbase could not be reached. Kraken could not be reached.');
    const slow = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch;
    expect(await failure(update({ fetch: slow, timeoutMs: 20 }))).toContain('Coinbase did not answer within 0.02 seconds.');
  });

  it('updating off, or nothing to update from: says what to do instead', async () => {
    const { fetchImpl } = exchanges();
    expect(await failure(update({ fetch: fetchImpl, sources: [] }))).toContain('Updating is off in this build');
    expect(await failure(update({ fetch: fetchImpl, stored: [] }))).toContain('open a CSV of daily prices first');
  });

  it('names the mix of sources the prices came from', () => {
    expect(withSource('bundled', 'Coinbase')).toBe('bundled + Coinbase');
    expect(withSource('bundled + Coinbase', 'Coinbase')).toBe('bundled + Coinbase');
    expect(withSource('bundled + Coinbase', 'Kraken')).toBe('bundled + Coinbase + Kraken');
  });
});
