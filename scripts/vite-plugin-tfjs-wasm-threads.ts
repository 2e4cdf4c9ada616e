/**
 * Makes tfjs-backend-wasm's multi-threaded build survive bundling.
 *
 * To start its pthreads, tfjs turns the Emscripten factory into source text
 * (`wasmFactoryThreadedSimd.toString()`) and loads it in a blob worker. That text must not refer
 * to anything outside the function, but the factory closes over `_scriptDir` from a wrapper, and
 * a bundler rewrites `require(...)` in its Node-only branches into a helper of its own, and then
 * minifies both into short names: the pthread workers die with "e is not defined".
 *
 * This plugin rewrites that one file into a self-contained function (its own `_scriptDir`,
 * `require` reached through globalThis, where only Node ever calls it) exported as the default.
 *
 * It also sizes Emscripten's pthread pool. The build starts 8 pthread workers whatever the thread
 * count, and each one loads the glue and instantiates the module, at every start, for threads
 * XNNPACK never uses on a 2-core device (ten fresh #/forecast loads, two WASM starts each, took
 * 51-55 CPU-seconds here with 8, 46-47 with 2). The pool now takes the count the app asked tfjs for
 * (browser-backend.ts publishes it as PTHREAD_POOL_GLOBAL).
 */
import type { Plugin } from 'vite';

const FACTORY_FILE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const START = 'function(WasmBackendModuleThreadedSimd) {';
const POOL = 'var pthreadPoolSize=8;';
/** Set by the worker before tfjs starts the threaded build; absent, Emscripten's 8. */
export const PTHREAD_POOL_GLOBAL = 'tabmlWasmPthreadPoolSize';

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'tabml:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!FACTORY_FILE.test(id.split('?')[0])) return null;
      const start = code.indexOf(START);
      const end = code.lastIndexOf('\n);\n})();');
      if (start < 0 || end < 0 || !code.includes(POOL))
        this.error('tfjs-backend-wasm threaded factory has an unexpected shape; check the tfjs version');
      const body = code
        .slice(start + START.length, end)
        .replace(/\}\s*$/, '')
        .replace(/\brequire\(/g, 'globalThis.require(')
        .replace(POOL, `var pthreadPoolSize=globalThis.${PTHREAD_POOL_GLOBAL}||8;`);
      return {
        code:
          'var WasmBackendModuleThreadedSimd = function(WasmBackendModuleThreadedSimd) {\n' +
          "var _scriptDir = typeof self !== 'undefined' && self.location ? self.location.href : undefined;\n" +
          body +
          '\n};\nexport default WasmBackendModuleThreadedSimd;\n',
        map: null,
      };
    },
  };
}
