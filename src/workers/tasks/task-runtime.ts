/** What a task's handlers get from the worker that serves them: its model registry and its context-loss guard. */

import type { InferenceModel } from '../inference-protocol.ts';
import type { WorkerRuntime } from '../worker-runtime.ts';

export type TaskRuntime = Pick<WorkerRuntime<InferenceModel>, 'models' | 'guarded'>;
