/**
 * What a person may ask the text model for, checked the same way on the page and in the worker.
 * The messages are the original app's own, word for word.
 */
import { MAX_PROMPT_CHARACTERS } from '../../runtime/settings.ts';

export const DIVERSITY_RANGE = { min: 0.5, max: 5, default: 0.8 } as const;
export const WORDS_RANGE = { min: 10, max: 100, default: 50 } as const;

export const DIVERSITY_MESSAGE = 'Diversity must be between 0.5 and 5.';
export const WORDS_MESSAGE = 'Number of words must be between 10 and 100';
export const EMPTY_PROMPT_MESSAGE = 'Write the start of an abstract in the box, or press Random to start from a real one.';
export const LONG_PROMPT_MESSAGE =
  `The start text is too long: keep it under ${MAX_PROMPT_CHARACTERS.toLocaleString('en-US')} ` +
  `characters (the network reads only its last 50 words).`;
export const RNG_SEED_MESSAGE = 'The RNG seed must be a whole number from 0 to 4294967295, or left empty.';

export interface GenerationRequest {
  prompt?: string;
  diversity: number;
  words: number;
  /** undefined: a fresh rng seed. */
  rngSeed?: number;
}

export function diversityProblem(diversity: number): string | null {
  return Number.isFinite(diversity) && diversity >= DIVERSITY_RANGE.min && diversity <= DIVERSITY_RANGE.max ? null : DIVERSITY_MESSAGE;
}

export function wordsProblem(words: number): string | null {
  return Number.isInteger(words) && words >= WORDS_RANGE.min && words <= WORDS_RANGE.max ? null : WORDS_MESSAGE;
}

export function rngSeedProblem(rngSeed: number | undefined): string | null {
  return rngSeed === undefined || (Number.isInteger(rngSeed) && rngSeed >= 0 && rngSeed <= 0xffffffff) ? null : RNG_SEED_MESSAGE;
}

/** The first problem with a request, or null when it can run. */
export function requestProblem(request: GenerationRequest): string | null {
  const promptProblem = request.prompt !== undefined && request.prompt.length > MAX_PROMPT_CHARACTERS ? LONG_PROMPT_MESSAGE : null;
  return promptProblem ?? diversityProblem(request.diversity) ?? wordsProblem(request.words) ?? rngSeedProblem(request.rngSeed);
}
