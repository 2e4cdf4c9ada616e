/**
 * Every setting of the app in one place (README "Settings" lists them): the build-time URLs
 * (VITE_*), what a visit's URL may choose (?backend=, ?tfjsflags=), WASM threads, and the limits
 * on what a person may ask for. Values that depend on the environment are read when called, so
 * Node scripts (training, eval, tests) can import the limits without a browser or a Vite build.
 */
import { type BackendName, requestedBackend } from './backend-choice.ts';
import { type TfjsFlags, tfjsFlagsFrom } from './tfjs-flags.ts';

// ---- Build time (vite.config.ts reads them through buildSettings too, for the Content-Security-Policy) ----

/** The build-time variables, as Vite inlines them (`import.meta.env`); empty outside a Vite build. */
function viteEnv(): Record<string, string | undefined> {
  return (import.meta as { env?: Record<string, string | undefined> }).env ?? {};
}

export interface BuildSettings {
  /** VITE_MODELS_URL: where model packages are served from (a CDN, another origin); '' = the app's own models/. */
  modelsUrl: string;
  /** The app's base path (Vite's BASE_URL). */
  baseUrl: string;
  /** VITE_PRICE_SOURCES: where "Update to today" asks for prices, in order (price-sources.ts reads it). */
  priceSources: string | undefined;
  /** VITE_PRICES_URL: one CSV source, the same as a `csv=` entry at the end of VITE_PRICE_SOURCES. */
  pricesUrl: string | undefined;
}

export function buildSettings(env: Record<string, string | undefined> = viteEnv()): BuildSettings {
  return {
    modelsUrl: env.VITE_MODELS_URL?.trim() ?? '',
    baseUrl: env.BASE_URL ?? '/',
    priceSources: env.VITE_PRICE_SOURCES,
    pricesUrl: env.VITE_PRICES_URL,
  };
}

// ---- Per visit, from the page's URL ----

export interface VisitSettings {
  /** `?backend=webgl|wasm|cpu` forces a backend; null lets backend-choice.ts choose. */
  backend: BackendName | null;
  /** `?tfjsflags=NAME:value,…`: tfjs flags every worker sets before its backend starts. */
  tfjsFlags: TfjsFlags;
}

export function visitSettings(search: string): VisitSettings {
  return { backend: requestedBackend(search), tfjsFlags: tfjsFlagsFrom(search) };
}

// ---- The device ----

/**
 * WASM threads: tfjs defaults to half the cores; inference here is the work the visitor is waiting
 * for, so use them all, at most 8 (the threaded binary only loads when the page is cross-origin isolated).
 */
export function wasmThreadCount(cores: number = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(8, cores || 1));
}

/**
 * Firefox (ESR 153 here) hangs in tfjs's threaded WASM start in about one start of three once the
 * service worker serves the page (the backend never becomes ready; 0 of 8 with the single-threaded
 * build; scripts/engines/firefox-start-probe.ts measures it): there it runs the single-threaded build until
 * that is understood. `?tfjsflags=WASM_HAS_MULTITHREAD_SUPPORT:true` tries threads anyway.
 */
export function threadedWasmMayHang(userAgent: string = globalThis.navigator?.userAgent ?? ''): boolean {
  return /\bFirefox\//.test(userAgent);
}

// ---- Limits on what a person may ask for ----

/** Cryptonic's EPOCHS default for a forecast training run. */
export const DEFAULT_EPOCHS = 300;
/** The most epochs the page lets one training run (300 take about a minute or two on WASM). */
export const MAX_EPOCHS = 5000;
/** The largest price file read: ten years of daily prices are ~250 kB; anything past this is not a price export. */
export const MAX_PRICE_FILE_BYTES = 20_000_000;
/** "Keep prices up to date": at most one automatic update per this long. */
export const AUTO_UPDATE_EVERY_MS = 60 * 60 * 1000;
/** The largest picture decoded, in megapixels (a 50 MP phone photo still fits; a decompression bomb does not). */
export const MAX_MEGAPIXELS = 50;
/** The longest start of an abstract the text model reads; it only looks at the last 50 words anyway. */
export const MAX_PROMPT_CHARACTERS = 20_000;
