/**
 * tfjs's WebGPU backend, imported only by webgpu-start.ts's dynamic import: a chunk of its own,
 * named after this file so the service worker can leave it out of the precache (vite.config.ts):
 * few visitors ask for WebGPU, and it would cost every visitor ~0.5 MB per worker.
 */
import '@tensorflow/tfjs-backend-webgpu';
