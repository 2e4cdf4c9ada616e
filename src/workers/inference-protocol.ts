/**
 * The inference worker's calls and events, as the page sees them (types and one constant: importing
 * this file pulls no worker code into the page).
 */
import type { BackendReport } from '../runtime/backend-choice.ts';
import type { RuntimeCalls } from './tasks/runtime.ts';
import type { DigitsCalls } from './tasks/digits.ts';
import type { TextCalls } from './tasks/text.ts';
import type { ImagesCalls } from './tasks/images.ts';

/** The tasks whose models the inference worker serves; the forecast worker serves 'forecast'. */
export type InferenceTask = 'digits' | 'images' | 'text';
export type Task = InferenceTask | 'forecast';

/** The models the inference worker keeps: its tasks', and a bring-your-own image model. */
export type InferenceModel = InferenceTask | 'custom-image';

export { MODEL_UNAVAILABLE } from '../runtime/error-kinds.ts';

export type InferenceCalls = RuntimeCalls & DigitsCalls & TextCalls & ImagesCalls;

export type InferenceEvents = {
  progress: { task: Task; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
