import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, formFromHash, hashForGeneration } from './text-url.ts';

describe('text URL parameters', () => {
  it('round-trips a generation, with any characters in the prompt', () => {
    const form = {
      prompt: 'A neural <img src=x> & "net"; 50% #1?',
      diversity: '1.5',
      words: '20',
      rngSeed: '',
      method: 'fullReread' as const,
    };
    const hash = hashForGeneration(form, 1234);
    expect(hash.startsWith('#/text?')).toBe(true);
    expect(formFromHash(hash)).toEqual({ ...form, rngSeed: '1234' });
  });

  it('falls back to the defaults', () => {
    expect(formFromHash('#/text')).toEqual(DEFAULT_FORM);
    expect(formFromHash('#/text?method=bogus&words=30')).toEqual({ ...DEFAULT_FORM, words: '30' });
  });

  it('writes prompt= and method=fullReread, and still opens links made with seed= and method=seedMethod', () => {
    const form = { ...DEFAULT_FORM, prompt: 'A neural network', method: 'fullReread' as const };
    expect(hashForGeneration(form, 7)).toBe('#/text?prompt=A+neural+network&diversity=0.8&words=50&rng=7&method=fullReread');
    const old = '#/text?seed=A+neural+network&diversity=0.8&words=50&rng=7&method=seedMethod';
    expect(formFromHash(old)).toEqual({ ...form, rngSeed: '7' });
    expect(formFromHash('#/text?seed=old&prompt=new')).toEqual({ ...DEFAULT_FORM, prompt: 'new' }); // a link with both: the new name wins
  });
});
