/**
 * The inference worker's calls and events, as the page sees them (types only: importing this
 * file pulls no worker code into the page).
 */
import type { BackendReport } from '../runtime/backend-choice';
import type { RuntimeCalls } from './tasks/runtime';
import type { DigitsCalls } from './tasks/digits';
import type { TextCalls } from './tasks/text';
import type { ImagesCalls } from './tasks/images';

export type Task = 'digits' | 'images' | 'text' | 'forecast';

export type InferenceCalls = RuntimeCalls & DigitsCalls & TextCalls & ImagesCalls;

export type InferenceEvents = {
  progress: { task: Task; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
