/**
 * The backend configurations of the parity matrix, as URL queries anyone can open in a desktop
 * browser. `webgl-f16` is a phone GPU's path (half-float textures), `webgl-unpacked` tfjs's fix for
 * GPUs whose packed kernels are wrong; `webgpu` runs only where it was asked for and works.
 */
export interface Configuration {
  name: string;
  query: string;
  /** Computes in float32 throughout: its answers must match the golden ones. */
  float32: boolean;
  /** Chromium flags it needs beyond e2e/support/chromium.ts's (WebGPU is behind one in headless Linux). */
  launchArgs?: string[];
}

export const CONFIGURATIONS: Configuration[] = [
  { name: 'cpu', query: '?backend=cpu', float32: true },
  { name: 'wasm', query: '?backend=wasm', float32: true },
  { name: 'webgl', query: '?backend=webgl', float32: true },
  { name: 'webgl-f16', query: '?backend=webgl&tfjsflags=WEBGL_FORCE_F16_TEXTURES:true,WEBGL_RENDER_FLOAT32_ENABLED:false', float32: false },
  { name: 'webgl-unpacked', query: '?backend=webgl&tfjsflags=WEBGL_PACK:false', float32: true },
  // Without the flag, headless Chromium here has navigator.gpu but no adapter; with it, SwiftShader's.
  { name: 'webgpu', query: '?backend=webgpu', float32: true, launchArgs: ['--enable-unsafe-webgpu'] },
];

/** The backend a configuration asks for (the workers may end up elsewhere: the precision guard). */
export const requested = (c: Configuration) => new URLSearchParams(c.query).get('backend');
