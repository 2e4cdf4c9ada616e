/** Calls about the runtime itself: start-up, model packages, memory, speed, GPU faults. */
import * as tf from '@tensorflow/tfjs';
import { answerMemory } from '../../runtime/memory-call.ts';
import type { Handlers } from '../../runtime/rpc.ts';
import type { InferenceModel, RuntimeCalls } from '../inference-protocol.ts';
import type { WorkerRuntime } from '../worker-runtime.ts';

export function runtimeHandlers(runtime: WorkerRuntime<InferenceModel>): Handlers<RuntimeCalls> {
  return {
    init: (params) => runtime.start(params),
    async load({ task }) {
      await runtime.guarded(() => runtime.models.load(task));
      return { meta: runtime.models.packageOf(task)!.meta };
    },
    cancelLoad: async ({ task }) => runtime.models.cancelDownload(task),
    memory: answerMemory,
    matMulGflops: async ({ size, runs }) => matMulGflops(size, runs),
    loseWebGLContext: async () => runtime.backend.loseContext(),
  };
}

async function matMulGflops(size: number, runs: number): Promise<number> {
  const [a, b] = [tf.randomNormal([size, size]), tf.randomNormal([size, size])];
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    }
    return (2 * size ** 3 * runs) / ((performance.now() - started) / 1000) / 1e9;
  } finally {
    tf.dispose([a, b]);
  }
}
