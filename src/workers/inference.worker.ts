/**
 * The inference worker: owns the tfjs runtime and every loaded model (one per task), so nothing
 * heavy runs on the page's main thread. Each task's calls live in tasks/<task>.ts; the backend,
 * the context-loss guard and the model registry are the shared ones (worker-runtime.ts).
 */
import { heldUntil } from '../runtime/held-calls.ts';
import { serveRpc } from '../runtime/rpc-server.ts';
import type { InferenceCalls, InferenceEvents, InferenceModel } from './inference-protocol.ts';
import { digitsHandlers } from './tasks/digits.ts';
import { imagesHandlers } from './tasks/images.ts';
import { parityHandlers } from './tasks/parity.ts';
import { runtimeHandlers } from './tasks/runtime.ts';
import { textHandlers } from './tasks/text.ts';
import { createWorkerRuntime } from './worker-runtime.ts';

const runtime = createWorkerRuntime<InferenceModel>({
  // Only the shipped tasks report downloads (a bring-your-own model is read from the visitor's files).
  progress: (key, p) => key !== 'custom-image' && emit('progress', { task: key, ...p }),
  backend: (report) => emit('backend', report),
});

const { init, ...runtimeCalls } = runtimeHandlers(runtime);
const emit = serveRpc<InferenceCalls, InferenceEvents>(self as unknown as Parameters<typeof serveRpc>[0], {
  init,
  // Every call but `init` waits until the backend runs: a page acts the moment a person does (a
  // photo dropped while tfjs is still starting), and tfjs must not be touched before `setBackend` resolves.
  ...heldUntil((signal) => runtime.backend.whenStarted(signal), {
    ...runtimeCalls,
    ...digitsHandlers(runtime),
    ...textHandlers(runtime),
    ...imagesHandlers(runtime),
    ...parityHandlers(runtime),
  }),
});
