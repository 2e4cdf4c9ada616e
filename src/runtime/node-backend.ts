/**
 * The tfjs environment for Node (training, eval, unit tests): the WASM backend, single-threaded,
 * with the extra training kernels. The browser chooses its backend in backend-choice.ts instead.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasm-training-kernels.ts';

export async function useNodeBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  registerWasmTrainingKernels();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
  return tf.getBackend();
}
