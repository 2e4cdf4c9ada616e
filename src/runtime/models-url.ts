/** Where model packages are served from: VITE_MODELS_URL at build time (a CDN, another origin), else the app's own models/. */
export function modelsBaseUrl(pageUrl: string = location.href): string {
  const configured = import.meta.env.VITE_MODELS_URL as string | undefined;
  const base = configured && configured.trim() !== '' ? configured.trim() : `${import.meta.env.BASE_URL}models/`;
  const absolute = new URL(base, pageUrl).href;
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}
