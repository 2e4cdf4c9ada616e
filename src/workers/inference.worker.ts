/**
 * The inference worker: owns the tfjs runtime and every loaded model (one per task), so nothing
 * heavy runs on the page's main thread. Each task's calls live in tasks/<task>.ts.
 */
import { serveRpc } from '../runtime/rpc-server.ts';
import { afterBackendStarts, connectEvents } from './inference-core.ts';
import type { InferenceCalls, InferenceEvents } from './inference-protocol.ts';
import { digitsHandlers } from './tasks/digits.ts';
import { imagesHandlers } from './tasks/images.ts';
import { runtimeHandlers } from './tasks/runtime.ts';
import { textHandlers } from './tasks/text.ts';

const { init, ...runtimeCalls } = runtimeHandlers;
const emit = serveRpc<InferenceCalls, InferenceEvents>(self as unknown as Parameters<typeof serveRpc>[0], {
  init,
  // Held until `init` has started the backend: the page sends what a person does at once.
  ...afterBackendStarts({ ...runtimeCalls, ...digitsHandlers, ...textHandlers, ...imagesHandlers }),
});
connectEvents({ progress: (p) => emit('progress', p), backend: (r) => emit('backend', r) });
