/**
 * Vitest runs the test files of a worker in one module graph (vitest.config.ts: isolate: false), so
 * a backend one file chose would still be set in the next. Each file starts on tfjs's CPU backend,
 * as it would in a process of its own; a file that wants WASM asks for it (useNodeBackend).
 */
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');
