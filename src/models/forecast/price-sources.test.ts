import { describe, expect, it } from 'vitest';
import { parsePriceSources, priceSourceLabel, priceSourceOrigins } from './price-sources.ts';

describe('VITE_PRICE_SOURCES', () => {
  it('defaults to Coinbase, then Kraken', () => {
    expect(parsePriceSources(undefined)).toEqual([
      { kind: 'coinbase', url: 'https://api.exchange.coinbase.com' },
      { kind: 'kraken', url: 'https://api.kraken.com' },
    ]);
  });

  it('an empty value turns updating off', () => {
    expect(parsePriceSources('')).toEqual([]);
    expect(parsePriceSources('  ')).toEqual([]);
  });

  it('keeps the order given; trailing slashes go; VITE_PRICES_URL is a csv= entry at the end', () => {
    expect(parsePriceSources(' kraken=http://localhost:9002/ , coinbase=http://localhost:9001', 'https://prices.example/btc.csv')).toEqual([
      { kind: 'kraken', url: 'http://localhost:9002' },
      { kind: 'coinbase', url: 'http://localhost:9001' },
      { kind: 'csv', url: 'https://prices.example/btc.csv' },
    ]);
    expect(parsePriceSources('', 'latest.csv')).toEqual([{ kind: 'csv', url: 'latest.csv' }]);
  });

  it('refuses what it cannot use, naming the entry', () => {
    expect(() => parsePriceSources('binance=https://api.binance.com')).toThrow("'binance=https://api.binance.com' is not one of");
    expect(() => parsePriceSources('coinbase')).toThrow("'coinbase' is not one of");
    expect(() => parsePriceSources('coinbase=api.exchange.coinbase.com')).toThrow('must start with https://');
  });

  it('gives the origins the CSP must allow, and the names the page shows', () => {
    const sources = parsePriceSources('coinbase=https://a.example/x,kraken=https://b.example,csv=latest.csv,csv=https://a.example/p.csv');
    expect(priceSourceOrigins(sources)).toEqual(['https://a.example', 'https://b.example']);
    expect(sources.map((s) => priceSourceLabel(s, 'https://app.example/'))).toEqual(['Coinbase', 'Kraken', 'app.example', 'a.example']);
  });
});
