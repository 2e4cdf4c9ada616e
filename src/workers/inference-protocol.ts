/**
 * The inference worker's calls and events, as the page sees them (types only: importing this
 * file pulls no worker code into the page).
 */
import type { BackendReport } from '../runtime/backend-choice.ts';
import type { RuntimeCalls } from './tasks/runtime.ts';
import type { DigitsCalls } from './tasks/digits.ts';
import type { TextCalls } from './tasks/text.ts';
import type { ImagesCalls } from './tasks/images.ts';

export type Task = 'digits' | 'images' | 'text' | 'forecast';

export type InferenceCalls = RuntimeCalls & DigitsCalls & TextCalls & ImagesCalls;

export type InferenceEvents = {
  progress: { task: Task; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
