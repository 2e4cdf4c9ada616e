/**
 * A Content-Security-Policy for the built page, as a <meta> tag so it travels with any static host.
 * Only the app's own origin, the models' origin and the price sources' origins (VITE_PRICE_SOURCES:
 * Coinbase Exchange and Kraken by default) are reachable. Beyond that:
 * - 'wasm-unsafe-eval': compiling the tfjs WASM binaries;
 * - blob: for workers and scripts: tfjs-backend-wasm starts its pthreads as blob workers that
 *   load the (bundled) factory from a blob URL, which the workers' inherited policy must allow.
 */
import type { Plugin } from 'vite';

export function contentSecurityPolicy(allowedUrls: string[]): Plugin {
  const origins = [...new Set(allowedUrls.filter(Boolean).map((url) => new URL(url).origin))];
  const policy = [
    "default-src 'self'",
    "script-src 'self' blob: 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    ['connect-src', "'self'", ...origins].join(' '),
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'tabml:csp',
    apply: 'build', // the dev server injects inline scripts for hot reload
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}
