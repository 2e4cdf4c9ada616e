/**
 * The inference worker's calls and events, as the page sees them (types and one constant: importing
 * this file pulls no worker code into the page).
 */
import type { BackendReport } from '../runtime/backend-choice.ts';
import type { DigitsCalls } from './tasks/digits.ts';
import type { ImagesCalls } from './tasks/images.ts';
import type { RuntimeCalls } from './tasks/runtime.ts';
import type { TextCalls } from './tasks/text.ts';

export type Task = 'digits' | 'images' | 'text' | 'forecast';

/** The kind of a request's error when the model it needs could not be downloaded (see ModelStatus). */
export const MODEL_UNAVAILABLE = 'model-unavailable';

export type InferenceCalls = RuntimeCalls & DigitsCalls & TextCalls & ImagesCalls;

export type InferenceEvents = {
  progress: { task: Task; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
