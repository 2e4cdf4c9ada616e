/**
 * Where "Update to today" asks for prices: VITE_PRICE_SOURCES at build time, an ordered,
 * comma-separated list of `coinbase=<base URL>`, `kraken=<base URL>` and `csv=<URL of a
 * Yahoo-format CSV>`. Unset: Coinbase Exchange, then Kraken. Empty: updating is off. The older
 * VITE_PRICES_URL setting is the same as a `csv=` entry at the end. vite.config.ts reads the same
 * list for the page's Content-Security-Policy, so connect-src allows exactly these origins.
 */

export type PriceSourceKind = 'coinbase' | 'kraken' | 'csv';

export interface PriceSource {
  kind: PriceSourceKind;
  /** Base URL for an exchange (no trailing slash); the file's URL for csv (may be relative to the page). */
  url: string;
}

export const DEFAULT_PRICE_SOURCES = 'coinbase=https://api.exchange.coinbase.com,kraken=https://api.kraken.com';

const KINDS: readonly PriceSourceKind[] = ['coinbase', 'kraken', 'csv'];

export function parsePriceSources(setting: string | undefined, legacyCsvUrl?: string): PriceSource[] {
  const entries = (setting ?? DEFAULT_PRICE_SOURCES)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const legacy = legacyCsvUrl?.trim();
  if (legacy) entries.push(`csv=${legacy}`);
  const sources: PriceSource[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const kind = entry.slice(0, eq).trim() as PriceSourceKind;
    const url = entry.slice(eq + 1).trim();
    if (eq < 0 || !KINDS.includes(kind) || url === '') {
      throw new Error(
        `VITE_PRICE_SOURCES: '${entry}' is not one of coinbase=<base URL>, kraken=<base URL>, csv=<URL> (comma-separated, in order).`,
      );
    }
    if (kind !== 'csv' && !/^https?:\/\/[^/]/i.test(url)) {
      throw new Error(`VITE_PRICE_SOURCES: ${kind}'s base URL '${url}' must start with https:// (or http://).`);
    }
    const normalized = kind === 'csv' ? url : url.replace(/\/+$/, '');
    if (!sources.some((s) => s.kind === kind && s.url === normalized)) sources.push({ kind, url: normalized });
  }
  return sources;
}

/** The origins the page must be allowed to connect to (relative CSV URLs are the app's own). */
export function priceSourceOrigins(sources: readonly PriceSource[]): string[] {
  return [...new Set(sources.filter((s) => /^https?:\/\//i.test(s.url)).map((s) => new URL(s.url).origin))];
}

/** How the page names a source: 'Coinbase', 'Kraken', or the CSV's host. */
export function priceSourceLabel(source: PriceSource, pageUrl = 'http://localhost/'): string {
  if (source.kind === 'coinbase') return 'Coinbase';
  if (source.kind === 'kraken') return 'Kraken';
  return new URL(source.url, pageUrl).host;
}
