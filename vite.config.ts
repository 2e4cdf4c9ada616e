import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/vite-plugin-csp.ts';
import { tfjsWasmThreads } from './scripts/vite-plugin-tfjs-wasm-threads.ts';
import { parsePriceSources, priceSourceOrigins } from './src/models/forecast/price-sources.ts';
import { buildSettings } from './src/runtime/settings.ts';

/**
 * COOP + COEP make the page cross-origin isolated, which is what lets tfjs-backend-wasm use
 * SharedArrayBuffer and run multi-threaded. Production hosts must send the same headers
 * (deploy/nginx.conf, README).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig(({ mode }) => {
  // The app reads the same VITE_* variables through the same function (src/runtime/settings.ts).
  const settings = buildSettings(loadEnv(mode, process.cwd(), 'VITE_'));
  // Model packages may live on another origin (a CDN); the service worker caches them too.
  const modelsUrl = settings.modelsUrl;
  // Where the Forecast page's "Update to today" asks for prices (a bad setting fails the build here).
  const priceOrigins = priceSourceOrigins(parsePriceSources(settings.priceSources, settings.pricesUrl));
  return {
    base: './',
    plugins: [
      tfjsWasmThreads(),
      contentSecurityPolicy([modelsUrl, ...priceOrigins]),
      react(),
      VitePWA({
        strategies: 'generateSW',
        registerType: 'autoUpdate',
        injectRegister: null, // registered in src/main.tsx
        manifest: {
          name: 'tabml: neural networks in your browser tab',
          short_name: 'tabml',
          description: 'Four neural networks that run entirely on your device.',
          theme_color: '#1d2330',
          background_color: '#f6f7f9',
          display: 'standalone',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
        },
        workbox: {
          // The app shell, the WASM binaries and the committed sample data (default prices, abstracts
          // for "random": ~370 kB) are precached; model packages are not (big, and most visitors open
          // one page), but each is cached the first time it is used.
          globPatterns: ['**/*.{js,css,html,wasm,svg,webmanifest}', 'samples/**/*.{csv,json}'],
          // The opt-in WebGPU backend (src/runtime/tfjs-webgpu-backend.ts) is fetched only by those who ask for it.
          globIgnores: ['models/**', 'assets/tfjs-webgpu-backend-*.js'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
          runtimeCaching: [
            {
              // Network first, so a new model version is picked up; the cache answers offline.
              urlPattern: ({ url }) => url.pathname.includes('/models/') || (modelsUrl !== '' && url.href.startsWith(modelsUrl)),
              handler: 'NetworkFirst',
              options: {
                cacheName: 'tabml-models',
                networkTimeoutSeconds: 10,
                cacheableResponse: { statuses: [200] },
              },
            },
          ],
        },
      }),
    ],
    worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
    server: { headers: isolationHeaders },
    preview: { port: 4173, strictPort: true, headers: isolationHeaders },
    build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  };
});
