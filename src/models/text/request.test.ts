import { describe, expect, it } from 'vitest';
import { MAX_PROMPT_CHARACTERS } from '../../runtime/settings.ts';
import { DIVERSITY_MESSAGE, LONG_PROMPT_MESSAGE, RNG_SEED_MESSAGE, requestProblem, WORDS_MESSAGE } from './request.ts';

describe('requestProblem', () => {
  it('accepts the limits and the defaults', () => {
    for (const [diversity, words] of [
      [0.5, 10],
      [5, 100],
      [0.8, 50],
    ])
      expect(requestProblem({ diversity, words })).toBeNull();
    expect(requestProblem({ diversity: 1, words: 20, rngSeed: 0 })).toBeNull();
    expect(requestProblem({ diversity: 1, words: 20, rngSeed: 4294967295 })).toBeNull();
  });

  it("answers with the original app's messages", () => {
    for (const diversity of [0.49, 5.01, NaN, Infinity, -1]) expect(requestProblem({ diversity, words: 50 })).toBe(DIVERSITY_MESSAGE);
    for (const words of [9, 101, 10.5, NaN]) expect(requestProblem({ diversity: 1, words })).toBe(WORDS_MESSAGE);
    expect(requestProblem({ prompt: 'a'.repeat(MAX_PROMPT_CHARACTERS + 1), diversity: 1, words: 20 })).toBe(LONG_PROMPT_MESSAGE);
    for (const rngSeed of [-1, 1.5, 2 ** 32, NaN]) expect(requestProblem({ diversity: 1, words: 20, rngSeed })).toBe(RNG_SEED_MESSAGE);
  });
});
