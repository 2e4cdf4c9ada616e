import { describe, expect, it } from 'vitest';
import { buildSettings, threadedWasmMayHang, visitSettings, wasmThreadCount } from './settings.ts';

describe('settings', () => {
  it('reads the build-time URLs, trimmed, with the app’s own models/ as the default', () => {
    expect(buildSettings({ VITE_MODELS_URL: ' https://cdn.example/models/ ', BASE_URL: '/tabml/' })).toMatchObject({
      modelsUrl: 'https://cdn.example/models/',
      baseUrl: '/tabml/',
    });
    expect(buildSettings({})).toEqual({ modelsUrl: '', baseUrl: '/', priceSources: undefined, pricesUrl: undefined });
  });

  it('reads what a visit’s URL chooses', () => {
    expect(visitSettings('?backend=wasm&tfjsflags=WEBGL_PACK:false')).toEqual({ backend: 'wasm', tfjsFlags: { WEBGL_PACK: false } });
    expect(visitSettings('')).toEqual({ backend: null, tfjsFlags: {} });
  });

  it('uses every core for WASM, from 1 to 8', () => {
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(2)).toBe(2);
    expect(wasmThreadCount(64)).toBe(8);
  });

  it("runs Firefox on tfjs's single-threaded WASM (its threaded start can hang), every other engine threaded", () => {
    expect(threadedWasmMayHang('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe(true);
    expect(
      threadedWasmMayHang('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'),
    ).toBe(false);
    expect(
      threadedWasmMayHang('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15'),
    ).toBe(false);
  });
});
