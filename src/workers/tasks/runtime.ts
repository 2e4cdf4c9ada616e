/** Calls about the runtime itself: start-up, model packages, memory, speed, GPU faults. */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, BackendReport } from '../../runtime/backend-choice.ts';
import type { ModelMeta } from '../../runtime/model-meta.ts';
import type { Handlers } from '../../runtime/rpc.ts';
import type { TfjsFlags } from '../../runtime/tfjs-flags.ts';
import { cancelDownload, guarded, initBackend, loadTask, loseWebGLContext, packageOf } from '../inference-core.ts';
import type { Task } from '../inference-protocol.ts';

export type RuntimeCalls = {
  /** Starts the backend; `flags` are tfjs flags the page's URL named (`?tfjsflags=`). */
  init: { params: { backend: BackendName | null; modelsBaseUrl: string; flags?: TfjsFlags }; result: BackendReport; update: never };
  /** Downloads (with progress events) and builds a task's model. */
  load: { params: { task: Task }; result: { meta: ModelMeta }; update: never };
  /** Stops a model download in progress; its `load` call fails with kind 'cancelled'. */
  cancelLoad: { params: { task: Task }; result: boolean; update: never };
  memory: { params: Record<string, never>; result: { numTensors: number; backend: string }; update: never };
  /** How fast this device multiplies matrices on the current backend: the practical ceiling. */
  matMulGflops: { params: { size: number; runs: number }; result: number; update: never };
  /** For tests and the reliability suite: loses the WebGL context as a GPU reset would. */
  loseWebGLContext: { params: Record<string, never>; result: boolean; update: never };
};

export const runtimeHandlers: Handlers<RuntimeCalls> = {
  init: ({ backend, modelsBaseUrl, flags }) => initBackend(backend, modelsBaseUrl, flags),
  async load({ task }) {
    await guarded(() => loadTask(task));
    return { meta: packageOf(task)!.meta };
  },
  cancelLoad: async ({ task }) => cancelDownload(task),
  memory: async () => ({ numTensors: tf.memory().numTensors, backend: tf.getBackend() }),
  async matMulGflops({ size, runs }) {
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
  },
  loseWebGLContext: async () => loseWebGLContext(),
};
