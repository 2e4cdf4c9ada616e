import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, formFromHash, hashForGeneration } from './text-url.ts';

describe('text URL parameters', () => {
  it('round-trips a generation, with any characters in the seed', () => {
    const form = {
      seed: 'A neural <img src=x> & "net"; 50% #1?',
      diversity: '1.5',
      words: '20',
      rngSeed: '',
      method: 'seedMethod' as const,
    };
    const hash = hashForGeneration(form, 1234);
    expect(hash.startsWith('#/text?')).toBe(true);
    expect(formFromHash(hash)).toEqual({ ...form, rngSeed: '1234' });
  });

  it('falls back to the defaults', () => {
    expect(formFromHash('#/text')).toEqual(DEFAULT_FORM);
    expect(formFromHash('#/text?method=bogus&words=30')).toEqual({ ...DEFAULT_FORM, words: '30' });
  });
});
