import { describe, expect, it } from 'vitest';
import { fitVocabulary, PADDING_ID, Vocabulary } from './vocabulary.ts';

describe('fitVocabulary (Keras word_index)', () => {
  it('orders by count, most frequent first, ties in first-seen order, ids from 1', () => {
    // counts: b 1, a 2, c 2, d 1, e 1 (seen in that order)
    const vocabulary = fitVocabulary(['b a c', 'c d a', 'e']);
    expect(vocabulary.words).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(['a', 'c', 'b', 'd', 'e'].map((w) => vocabulary.idOf(w))).toEqual([1, 2, 3, 4, 5]);
  });

  it('reserves 0 for padding and puts unknown after the last word', () => {
    const vocabulary = fitVocabulary(['red green red']);
    expect(PADDING_ID).toBe(0);
    expect(vocabulary.size).toBe(2);
    expect(vocabulary.unknownId).toBe(3);
    expect(vocabulary.idCount).toBe(4);
    expect(vocabulary.wordOf(0)).toBeUndefined();
    expect(vocabulary.wordOf(1)).toBe('red');
    expect(vocabulary.wordOf(3)).toBeUndefined();
    expect(vocabulary.idOf('blue')).toBeUndefined();
  });

  it('keeps only the maxWords most frequent words when capped', () => {
    const vocabulary = fitVocabulary(['b a c', 'c d a', 'e'], { maxWords: 2 });
    expect(vocabulary.words).toEqual(['a', 'c']);
    expect(vocabulary.unknownId).toBe(3);
    expect(vocabulary.idOf('b')).toBeUndefined();
    expect(fitVocabulary(['b a'], { maxWords: 10 }).words).toEqual(['b', 'a']);
  });

  it('rejects a bad cap and repeated words', () => {
    expect(() => fitVocabulary(['a'], { maxWords: -1 })).toThrow(/maxWords/);
    expect(() => fitVocabulary(['a'], { maxWords: 1.5 })).toThrow(/maxWords/);
    expect(() => new Vocabulary(['a', 'b', 'a'])).toThrow(/twice/);
  });
});
