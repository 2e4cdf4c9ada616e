/**
 * WebGPU, opt-in (`?backend=webgpu`, see backend-choice.ts): tfjs's WebGPU backend is loaded only
 * then (its own chunk, nothing for everyone else), and only once the browser has handed out an
 * adapter: with none, the start fails in plain words and the usual order takes over, no crash.
 * The same precision check as WebGL's guards the answers.
 */
import * as tf from '@tensorflow/tfjs';
import { checkPrecision, precisionProblem } from './precision-check.ts';

/** The little of WebGPU's API this needs (TypeScript's DOM library does not describe WebGPU). */
interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
}
type GpuLike = { requestAdapter(): Promise<GpuAdapterLike | null> };

/** Words about the adapter for the badge, e.g. "google swiftshader (a software adapter)". */
let adapterNote: string | null = null;
export const webgpuAdapterNote = () => adapterNote;

const isSoftware = (adapter: GpuAdapterLike) =>
  adapter.isFallbackAdapter === true ||
  /swiftshader|llvmpipe|lavapipe/i.test(`${adapter.info?.architecture ?? ''} ${adapter.info?.vendor ?? ''}`);

export async function startWebGPU(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) throw new Error('WebGPU is not available in this browser');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('the browser has WebGPU but gave no adapter (no supported GPU, or it is turned off)');
  const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'unnamed adapter';
  adapterNote = `${name}${isSoftware(adapter) ? ' (a software adapter)' : ''}`;
  await import('./tfjs-webgpu-backend.ts');
  const ok = await tf.setBackend('webgpu');
  if (ok) await tf.ready();
  if (!ok || tf.getBackend() !== 'webgpu') return false;
  const problem = precisionProblem(await checkPrecision());
  if (problem) throw new Error(`this GPU's WebGPU computes inexactly, which would change the models' answers (${problem})`);
  return true;
}
