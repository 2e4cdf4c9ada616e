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
 */
import type { Plugin } from 'vite';

const FACTORY_FILE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const START = 'function(WasmBackendModuleThreadedSimd) {';

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'tabml:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!FACTORY_FILE.test(id.split('?')[0])) return null;
      const start = code.indexOf(START);
      const end = code.lastIndexOf('\n);\n})();');
      if (start < 0 || end < 0) this.error('tfjs-backend-wasm threaded factory has an unexpected shape; check the tfjs version');
      const body = code
        .slice(start + START.length, end)
        .replace(/\}\s*$/, '')
        .replace(/\brequire\(/g, 'globalThis.require(');
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
