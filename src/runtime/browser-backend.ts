/**
 * Starts tfjs in a browser (a worker, in this app): WebGL, WASM (SIMD, threads when the page is
 * cross-origin isolated) or CPU, chosen by backend-choice.ts. The WASM binaries are bundled by Vite
 * (hashed URLs, precached by the service worker), never fetched from a CDN.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { type BackendName, type BackendReport, type BackendStarter, chooseBackend } from './backend-choice.ts';
import { checkPrecision, precisionProblem } from './precision-check.ts';
import { threadedWasmMayHang, wasmThreadCount } from './settings.ts';
import { describeFlags, type TfjsFlags } from './tfjs-flags.ts';
import { registerWasmTrainingKernels } from './wasm-training-kernels.ts';
import { isSoftwareRenderer, webglRenderer } from './webgl-probe.ts';
import { startWebGPU, webgpuAdapterNote } from './webgpu-start.ts';

// How many WASM threads (settings.ts says why all cores), decided on the first start.
let WASM_THREADS = 1;

/** tfjs's set-up for this app, done on the first start rather than on import (importing sets nothing). */
let configured = false;
function configureOnce() {
  if (configured) return;
  configured = true;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  registerWasmTrainingKernels();
  WASM_THREADS = wasmThreadCount();
  setThreadsCount(WASM_THREADS);
  // Emscripten's pthread pool gets as many workers as tfjs will use, not its fixed 8
  // (scripts/vite-plugin-tfjs-wasm-threads.ts reads this and says what the idle ones cost).
  (globalThis as Record<string, unknown>).tabmlWasmPthreadPoolSize = WASM_THREADS;
  // Before the URL's flags (startBackend), so ?tfjsflags= can still turn threads back on.
  if (threadedWasmMayHang()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}

/** Set when WebGL passed its precision check only with packed kernels off: the badge says so. */
let webglNote: string | null = null;

/**
 * WebGL is trusted only if it computes in float32 (precision-check.ts): first as it is, then with
 * packed kernels off (they have given wrong answers on some GPUs); else the start fails and the next
 * backend (WASM) runs, with the reason in the badge. A phone GPU with half-float textures ends here.
 */
async function checkWebGLPrecision(): Promise<void> {
  const packed = precisionProblem(await checkPrecision());
  if (!packed) return;
  tf.env().set('WEBGL_PACK', false);
  const unpacked = precisionProblem(await checkPrecision());
  if (!unpacked) {
    webglNote = `Packed WebGL kernels gave inexact answers here (${packed}), so they are off.`;
    return;
  }
  throw new Error(`this GPU computes in half precision or inexactly, which would change the models' answers (${unpacked})`);
}

const starter: BackendStarter = {
  async start(name: BackendName, forced: boolean) {
    if (name === 'webgpu') return startWebGPU(); // opt-in only: backend-choice.ts never tries it by itself
    if (name === 'webgl') {
      const renderer = webglRenderer();
      if (renderer === null) throw new Error('WebGL is not available in this browser');
      if (!forced && isSoftwareRenderer(renderer)) throw new Error(`WebGL is software-only here (${renderer}), slower than WebAssembly`);
      // A forced webgl runs even on a software renderer.
      tf.env().set('SOFTWARE_WEBGL_ENABLED', forced);
    }
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    // After a failed setBackend, tf.getBackend() may still name the failed backend: trust `ok` only.
    if (!ok || tf.getBackend() !== name) return false;
    if (name === 'webgl') await checkWebGLPrecision();
    return true;
  },
  // tfjs's getThreadsCount() reports 1 here even when its threaded build runs a pool of 2 (a 1024²
  // matMul measures 21 GFLOP/s in the page vs 11 single-threaded), so report what was set up.
  wasmInfo: () => ({
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? WASM_THREADS : 1,
  }),
};

/** Starts the chosen backend, after setting the tfjs flags the page's URL named (see tfjs-flags.ts). */
export async function startBackend(forced: BackendName | null, flags: TfjsFlags = {}): Promise<BackendReport> {
  configureOnce();
  const applied: TfjsFlags = {};
  for (const [name, value] of Object.entries(flags)) {
    try {
      tf.env().set(name, value);
      applied[name] = value;
    } catch (err) {
      console.warn(`tabml: tfjs flag ${name} ignored:`, err); // not a flag this tfjs knows
    }
  }
  let report = await chooseBackend(forced, starter);
  if (report.backend === 'webgl' && webglNote) report = { ...report, reason: `${report.reason} ${webglNote}` };
  if (report.backend === 'webgpu') report = { ...report, reason: `${report.reason} Adapter: ${webgpuAdapterNote()}.` };
  if (Object.keys(applied).length === 0) return report;
  return { ...report, flags: applied, reason: `${report.reason} TensorFlow.js flags from the URL: ${describeFlags(applied)}.` };
}

/** The WebGL rendering context of the active webgl backend, if that is what runs. */
export function activeWebGLContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } };
  return backend.gpgpu?.gl ?? null;
}
