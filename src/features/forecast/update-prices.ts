/**
 * "Update to today": asks the configured sources, in order, for the finished days after the last
 * stored one, and merges them in. A source that fails in any way (unreachable, an error status, an
 * empty or malformed answer) gives its turn to the next; nothing is kept from it. Either the whole
 * update succeeds and returns the new rows, or it throws a PriceUpdateError whose message says, in
 * plain words, what happened and what to do: the caller then keeps what it had.
 */
import { COINBASE_MAX_DAYS, coinbaseCandlesUrl, parseCoinbaseCandles } from '../../models/forecast/coinbase-candles.ts';
import { addDays, daysBetween } from '../../models/forecast/dates.ts';
import { KRAKEN_MAX_DAYS, krakenOhlcUrl, parseKrakenOhlc } from '../../models/forecast/kraken-ohlc.ts';
import { type Disagreement, mergeFetchedPrices } from '../../models/forecast/merge-fetched-prices.ts';
import { type PriceRow, parseYahooCsv } from '../../models/forecast/parse-yahoo-csv.ts';
import { dayWindows, finishedDays, utcDate } from '../../models/forecast/price-days.ts';
import { PriceSourceError } from '../../models/forecast/price-source-error.ts';
import { type PriceSource, priceSourceLabel } from '../../models/forecast/price-sources.ts';

export class PriceUpdateError extends Error {
  override name = 'PriceUpdateError';
}

/** The source could not be reached at all (offline, refused, CORS, timeout): the advice differs. */
class SourceUnreachable extends PriceSourceError {}

export interface UpdateOptions {
  sources: readonly PriceSource[];
  /** The prices shown now, oldest first. */
  stored: readonly PriceRow[];
  now: Date;
  fetch?: typeof fetch;
  /** For relative CSV URLs and their labels. */
  pageUrl?: string;
  timeoutMs?: number;
  /** navigator.onLine: false means the device knows it is offline. */
  online?: boolean;
  onProgress?: (message: string) => void;
}

export type UpdateOutcome =
  | { kind: 'up-to-date'; last: string }
  | { kind: 'updated'; rows: PriceRow[]; source: string; addedDates: string[]; notes: string[] };

/** Answers bigger than this are not daily prices (720 Kraken rows are ~60 kB). */
const MAX_ANSWER_CHARS = 5_000_000;
const DEFAULT_TIMEOUT_MS = 20_000;

interface Io {
  fetch: typeof fetch;
  timeoutMs: number;
  pageUrl: string;
  progress: (message: string) => void;
}

async function download(url: string, label: string, io: Io): Promise<string> {
  let response: Response;
  try {
    response = await io.fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(io.timeoutMs) });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new SourceUnreachable(
      timedOut ? `${label} did not answer within ${io.timeoutMs / 1000} seconds.` : `${label} could not be reached.`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new PriceSourceError(`${label}'s answer broke off before its end.`);
  }
  if (!response.ok) {
    let said = '';
    try {
      const message = (JSON.parse(text) as { message?: unknown }).message; // Coinbase's error body
      if (typeof message === 'string' && message.trim() !== '') said = `: '${message.trim().slice(0, 120)}'`;
    } catch {
      // not JSON: the status says enough
    }
    throw new PriceSourceError(`${label} answered with an error (HTTP ${response.status}${said}).`);
  }
  if (text.length > MAX_ANSWER_CHARS) throw new PriceSourceError(`${label} sent a far bigger answer than daily prices take.`);
  if (text.trim() === '') throw new PriceSourceError(`${label} sent an empty answer.`);
  return text;
}

async function downloadJson(url: string, label: string, io: Io): Promise<unknown> {
  const text = await download(url, label, io);
  try {
    return JSON.parse(text);
  } catch {
    throw new PriceSourceError(`${label} sent an answer that is cut off or garbled (not complete JSON).`);
  }
}

async function fetchFrom(source: PriceSource, label: string, first: string, last: string, io: Io): Promise<PriceRow[]> {
  if (source.kind === 'coinbase') {
    const windows = dayWindows(first, last, COINBASE_MAX_DAYS);
    const rows: PriceRow[] = [];
    // One request at a time: Coinbase limits public requests per second.
    for (const [i, window] of windows.entries()) {
      io.progress(`Asking Coinbase for ${window.first} … ${window.last}${windows.length > 1 ? ` (${i + 1} of ${windows.length})` : ''}…`);
      rows.push(...parseCoinbaseCandles(await downloadJson(coinbaseCandlesUrl(source.url, window), label, io)));
    }
    return rows;
  }
  if (source.kind === 'kraken') {
    io.progress(`Asking Kraken for the days from ${first}…`);
    return parseKrakenOhlc(await downloadJson(krakenOhlcUrl(source.url, first), label, io));
  }
  io.progress(`Downloading ${label}'s price file…`);
  const text = await download(new URL(source.url, io.pageUrl).href, label, io);
  try {
    return parseYahooCsv(text).rows;
  } catch (err) {
    // The parser's own errors (plain Error) name the line and the problem; anything else is a bug.
    const said = err instanceof Error && err.constructor === Error ? err.message : 'it is not a readable CSV of daily prices.';
    throw new PriceSourceError(`${label} sent a price file this page cannot use: ${said}`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function describeDisagreements(list: Disagreement[], label: string): string {
  const d = list[0];
  return (
    `On ${plural(list.length, 'day')} ${label}'s close differs from the stored one by more than 1% ` +
    `(first: ${d.date}, stored ${money(d.stored)}, ${label} ${money(d.fetched)}): the stored prices were kept for those days.`
  );
}

/** What the visitor should know about a successful update beyond "N days added". */
function notesFor(
  source: PriceSource,
  label: string,
  first: string,
  last: string,
  addedDates: string[],
  disagreements: Disagreement[],
): string[] {
  const notes: string[] = [];
  const firstAdded = addedDates[0];
  if (firstAdded > first) {
    const why =
      source.kind === 'kraken' && daysBetween(first, last) >= KRAKEN_MAX_DAYS
        ? ` (Kraken gives only its latest ${KRAKEN_MAX_DAYS} days)`
        : '';
    notes.push(
      `Partly filled: ${label} had no prices from ${first} to ` +
        `${addDays(firstAdded, -1)}${why}, so prices were added from ${firstAdded} on ` +
        `and the history has a gap before that day.`,
    );
  }
  const lastAdded = addedDates[addedDates.length - 1];
  if (lastAdded < last)
    notes.push(`${label}'s newest finished day is ${lastAdded}; ${daysBetween(lastAdded, last)} more will come when it has them.`);
  if (disagreements.length > 0) notes.push(describeDisagreements(disagreements, label));
  return notes;
}

function failureAdvice(allUnreachable: boolean, online: boolean): string {
  if (!online) return 'This device seems to be offline: connect to the internet, then press Update to today again.';
  if (allUnreachable)
    return (
      'Check your internet connection, then press Update to today again; if that ' +
      'keeps failing, the exchanges may be refusing requests for a while, so try later.'
    );
  return 'Try again later, or open a CSV of newer daily prices.';
}

export async function updatePrices(options: UpdateOptions): Promise<UpdateOutcome> {
  const io: Io = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    pageUrl: options.pageUrl ?? 'http://localhost/',
    progress: options.onProgress ?? (() => undefined),
  };
  const { sources, stored } = options;
  if (sources.length === 0)
    throw new PriceUpdateError('Updating is off in this build of the app: open a CSV of newer daily prices instead.');
  if (stored.length === 0) throw new PriceUpdateError('There are no prices to update yet: open a CSV of daily prices first.');
  const today = utcDate(options.now);
  const yesterday = addDays(today, -1); // the newest finished day
  const last = stored[stored.length - 1].date;
  if (last >= yesterday) return { kind: 'up-to-date', last };
  const first = addDays(last, 1);

  const failures: string[] = [];
  let unreachable = 0;
  for (const source of sources) {
    const label = priceSourceLabel(source, io.pageUrl);
    try {
      const fetched = finishedDays(await fetchFrom(source, label, first, yesterday, io), today, label);
      // Days before the ones asked for are only compared with the stored ones, never added: a
      // source that sends 1970 (or fills an old gap nobody asked about) does not rewrite history.
      const storedDates = new Set(stored.map((r) => r.date));
      const merged = mergeFetchedPrices(
        stored,
        fetched.filter((r) => r.date >= first || storedDates.has(r.date)),
      );
      if (merged.addedDates.length === 0) throw new PriceSourceError(`${label} had no prices after ${last}.`);
      const notes = notesFor(source, label, first, yesterday, merged.addedDates, merged.disagreements);
      if (failures.length > 0) notes.unshift(`${failures.join(' ')} The prices came from ${label} instead.`);
      return { kind: 'updated', rows: merged.rows, source: label, addedDates: merged.addedDates, notes };
    } catch (err) {
      if (err instanceof SourceUnreachable) unreachable++;
      // Only messages written for people reach the page; a bug's message never does.
      failures.push(err instanceof PriceSourceError ? err.message : `${label} sent an answer this page could not read.`);
    }
  }
  const advice = failureAdvice(unreachable === sources.length, options.online ?? true);
  throw new PriceUpdateError(`Could not update the prices. ${failures.join(' ')} Your prices and the model are unchanged. ${advice}`);
}

/** The stored prices' source after an update: 'bundled' then 'bundled + Coinbase'. */
export function withSource(previous: string, added: string): string {
  return previous.split(' + ').includes(added) ? previous : `${previous} + ${added}`;
}
