import { describe, expect, it } from 'vitest';
import { countWords, ORIGINAL_APP_TOKENIZER, textToWordSequence } from './tokenizer.ts';

describe('textToWordSequence (Keras, the original app’s settings)', () => {
  it('has exactly the original app’s filter characters', () => {
    expect([...ORIGINAL_APP_TOKENIZER.filters]).toEqual([
      '!',
      '"',
      '%',
      ';',
      '[',
      '\\',
      ']',
      '^',
      '_',
      '`',
      '{',
      '|',
      '}',
      '~',
      '\t',
      '\n',
    ]);
    expect(ORIGINAL_APP_TOKENIZER.lower).toBe(false);
  });

  it('turns every filter character into a word break', () => {
    expect(textToWordSequence('a!b"c%d;e[f\\g]h^i_j`k{l|m}n~o\tp\nq')).toEqual('abcdefghijklmnopq'.split(''));
  });

  it("keeps . , ? ( ) - ' : / # $ & * + < = > @ inside words", () => {
    const word = "x.y,z?(a)-b'c:d/e#f$g&h*i+j<k=l>m@n";
    expect(textToWordSequence(word)).toEqual([word]);
    expect(textToWordSequence('a "quoted" 50% rate; done')).toEqual(['a', 'quoted', '50', 'rate', 'done']);
  });

  it("splits on ' ' only, drops empty words, and keeps case", () => {
    expect(textToWordSequence('  Lens  lens ')).toEqual(['Lens', 'lens']);
    expect(textToWordSequence('a\rb c\u00a0d')).toEqual(['a\rb', 'c\u00a0d']);
  });

  it('lower-cases when asked', () => {
    expect(textToWordSequence('Lens LENS', { filters: '', lower: true })).toEqual(['lens', 'lens']);
  });
});

describe('countWords (Keras word_counts)', () => {
  it('counts over all texts in first-seen order', () => {
    expect([...countWords(['b a c', 'c d a', 'e'])]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 1],
      ['e', 1],
    ]);
  });
});
