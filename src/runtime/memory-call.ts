/**
 * The `memory` call both workers answer: how many tensors tfjs holds, on which backend. Tests and
 * the benchmark ask it before and after a request to show that nothing was left behind.
 */
import * as tf from '@tensorflow/tfjs';

export type MemoryCall = { params: Record<string, never>; result: { numTensors: number; backend: string }; update: never };

export const answerMemory = async (): Promise<MemoryCall['result']> => ({ numTensors: tf.memory().numTensors, backend: tf.getBackend() });
