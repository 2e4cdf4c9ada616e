/**
 * The Text page's parameters in the URL (#/text?prompt=…&diversity=…&words=…&rng=…&method=…), so a
 * link reproduces a generation. Values are kept as the person typed them; the page validates them.
 * Older links (seed=… for the prompt, method=seedMethod for the full re-read) still open as they did.
 */
import type { GenerationMethod } from '../../models/text/generate.ts';
import { DIVERSITY_RANGE, WORDS_RANGE } from '../../models/text/request.ts';

export interface TextForm {
  prompt: string;
  diversity: string;
  words: string;
  /** The rng seed; empty: a fresh one each time. */
  rngSeed: string;
  method: GenerationMethod;
}

export const DEFAULT_FORM: TextForm = {
  prompt: '',
  diversity: String(DIVERSITY_RANGE.default),
  words: String(WORDS_RANGE.default),
  rngSeed: '',
  method: 'stateful',
};

/** Reads the form from a location hash; anything missing keeps its default. */
export function formFromHash(hash: string): TextForm {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const method = params.get('method');
  return {
    prompt: params.get('prompt') ?? params.get('seed') ?? DEFAULT_FORM.prompt,
    diversity: params.get('diversity') ?? DEFAULT_FORM.diversity,
    words: params.get('words') ?? DEFAULT_FORM.words,
    rngSeed: params.get('rng') ?? DEFAULT_FORM.rngSeed,
    method: method === 'fullReread' || method === 'seedMethod' ? 'fullReread' : 'stateful',
  };
}

/** The hash that reproduces a generation: the rng seed actually used, not the (maybe empty) field. */
export function hashForGeneration(form: TextForm, usedRngSeed: number): string {
  const params = new URLSearchParams({ prompt: form.prompt, diversity: form.diversity, words: form.words, rng: String(usedRngSeed) });
  if (form.method !== 'stateful') params.set('method', form.method);
  return `#/text?${params.toString()}`;
}
