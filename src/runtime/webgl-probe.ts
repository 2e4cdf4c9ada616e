/**
 * Is the WebGL here a real GPU? tfjs asks for `failIfMajorPerformanceCaveat`, but current
 * Chromium hands out SwiftShader (a CPU rasterizer) anyway, and tfjs on SwiftShader is an order
 * of magnitude slower than WASM. So we read the renderer's name and call software what it is.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** The WebGL renderer's name, or null when no WebGL context can be created here. */
export function webglRenderer(): string | null {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context now
  return name;
}
