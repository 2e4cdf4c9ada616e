/**
 * Makes a model package available offline. The service worker caches model files as they pass
 * through it, but on the very first visit the worker downloads the model before the service
 * worker has taken control. Once it controls the page, we fetch whatever it has not cached yet
 * (the browser's HTTP cache usually answers, so nothing is downloaded twice).
 */
export async function keepForOffline(urls: string[]): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  await Promise.all(
    urls.map(async (url) => {
      if (await caches.match(url)) return;
      await fetch(url)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined); // offline now: try next visit
    }),
  );
}
