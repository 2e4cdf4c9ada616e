import { buildSettings } from './settings.ts';

/** Where model packages are served from: VITE_MODELS_URL at build time (a CDN, another origin), else the app's own models/. */
export function modelsBaseUrl(pageUrl: string = location.href): string {
  const { modelsUrl, baseUrl } = buildSettings();
  const base = modelsUrl !== '' ? modelsUrl : `${baseUrl}models/`;
  const absolute = new URL(base, pageUrl).href;
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}
