/**
 * Which tfjs backend to run on, and why. WebGL first (the GPU); WASM when WebGL cannot start or
 * tfjs rejects it as software-only (SwiftShader: failIfMajorPerformanceCaveat); CPU last.
 * `?backend=webgl|wasm|cpu` forces one; forcing webgl also allows software WebGL.
 * WebGPU is opt-in only (`?backend=webgpu`): never in the automatic order until measurements on
 * real phones and laptops say it should be, so it is never chosen on a software adapter by itself.
 */
export type BackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/** The automatic order. */
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Backends that run only when the URL asks for them. */
export const OPT_IN_BACKENDS: readonly BackendName[] = ['webgpu'];

export interface BackendReport {
  backend: BackendName;
  /** Plain words for the badge's tooltip. */
  reason: string;
  forced: boolean;
  /** Backends tried before this one, with what went wrong. */
  failures: Array<{ backend: BackendName; error: string }>;
  wasm?: { simd: boolean; threads: number };
  /** tfjs flags set from the page's URL (`?tfjsflags=`), when any were. */
  flags?: Record<string, boolean | number | string>;
}

/** Reads `?backend=` from a query string; anything else means "choose automatically". */
export function requestedBackend(search: string): BackendName | null {
  const value = new URLSearchParams(search).get('backend');
  return value && ([...BACKENDS, ...OPT_IN_BACKENDS] as readonly string[]).includes(value) ? (value as BackendName) : null;
}

/** The order to try: the forced backend first (then the rest, so a broken one still ends up running). */
export function backendOrder(forced: BackendName | null): BackendName[] {
  return forced ? [forced, ...BACKENDS.filter((b) => b !== forced)] : [...BACKENDS];
}

export interface BackendStarter {
  /** Resolves true when the backend is now active (tfjs's setBackend boolean, not getBackend()). */
  start(name: BackendName, forced: boolean): Promise<boolean>;
  /** Details for the report once wasm runs. */
  wasmInfo(): { simd: boolean; threads: number };
}

function reasonFor(name: BackendName, forced: boolean, failures: BackendReport['failures'], wasm?: BackendReport['wasm']): string {
  if (forced) return `${name} was requested with ?backend=${name}.`;
  const why = failures.map((f) => `${f.backend}: ${f.error}`).join('; ');
  switch (name) {
    case 'webgl':
      return 'WebGL runs on this GPU: the fastest choice.';
    case 'wasm': {
      const detail = wasm ? ` (SIMD ${wasm.simd ? 'on' : 'off'}, ${wasm.threads} thread${wasm.threads === 1 ? '' : 's'})` : '';
      return `WebAssembly on the CPU${detail}, because WebGL is not usable here (${why}).`;
    }
    case 'cpu':
      return `Plain JavaScript, the slowest backend, because neither WebGL nor WebAssembly started (${why}).`;
    case 'webgpu':
      return 'WebGPU runs on this GPU.'; // only ever forced, in practice
  }
}

export async function chooseBackend(forced: BackendName | null, starter: BackendStarter): Promise<BackendReport> {
  const failures: BackendReport['failures'] = [];
  for (const name of backendOrder(forced)) {
    const isForced = name === forced;
    let ok = false;
    try {
      ok = await starter.start(name, isForced);
    } catch (err) {
      failures.push({ backend: name, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (!ok) {
      failures.push({
        backend: name,
        error:
          name === 'webgl'
            ? 'no hardware-accelerated WebGL (tfjs declines software rendering)'
            : name === 'webgpu'
              ? 'no usable WebGPU adapter'
              : 'failed to start',
      });
      continue;
    }
    const wasm = name === 'wasm' ? starter.wasmInfo() : undefined;
    const reason =
      forced && !isForced
        ? `${forced} was requested but did not start (${failures.map((f) => f.error).join('; ')}); running on ${name}.`
        : reasonFor(name, isForced, failures, wasm);
    return { backend: name, reason, forced: isForced, failures, wasm };
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.map((f) => `${f.backend}: ${f.error}`).join('; ')}`);
}
