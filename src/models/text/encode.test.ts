import { describe, expect, it } from 'vitest';
import { decodeIds, encodePrompt, encodeWords, textsToSequences, UNKNOWN_PLACEHOLDER } from './encode.ts';
import { formatSequence } from './format-sequence.ts';
import { fitVocabulary } from './vocabulary.ts';

const TRAINING = [
  'A valve opens when the float rises, and the valve closes when the float sinks.',
  'Does the float rise? The valve decides; the pump waits.',
].map(formatSequence);

describe('textsToSequences (Keras, no oov_token)', () => {
  it('drops words outside the vocabulary', () => {
    const vocabulary = fitVocabulary(['the valve the pump']);
    expect(textsToSequences(vocabulary, ['the shiny valve', 'nothing known'])).toEqual([[1, 2], []]);
  });
});

describe('encodePrompt', () => {
  const vocabulary = fitVocabulary(TRAINING);

  it('maps unknown words to the unknown id and reports each once, in order', () => {
    const encoded = encodePrompt(vocabulary, 'The turbine spins and the rotor spins.');
    expect(encoded.words).toEqual(['The', 'turbine', 'spins', 'and', 'the', 'rotor', 'spins', '.']);
    expect(encoded.unknownWords).toEqual(['turbine', 'spins', 'rotor']);
    expect(Array.from(encoded.ids)).toEqual([
      vocabulary.idOf('The'),
      vocabulary.unknownId,
      vocabulary.unknownId,
      vocabulary.idOf('and'),
      vocabulary.idOf('the'),
      vocabulary.unknownId,
      vocabulary.unknownId,
      vocabulary.idOf('.'),
    ]);
  });

  it('cleans the text as the training abstracts were (format_sequence, then filters)', () => {
    const encoded = encodePrompt(vocabulary, '"The valve" (12) rises;the pump!');
    expect(encoded.words).toEqual(['The', 'valve', 'rises', 'the', 'pump']);
    expect(encoded.unknownWords).toEqual([]);
  });

  it('returns no words for empty or filter-only text', () => {
    expect(encodePrompt(vocabulary, '  !! ;; ')).toEqual({ words: [], ids: new Int32Array(0), unknownWords: [] });
  });

  it('treats words beyond a vocabulary cap as unknown', () => {
    const capped = fitVocabulary(TRAINING, { maxWords: 3 }); // the (6), valve (3), float (3)
    expect(capped.words).toEqual(['the', 'valve', 'float']);
    const encoded = encodePrompt(capped, 'the float sinks when');
    expect(Array.from(encoded.ids)).toEqual([1, 3, 4, 4]);
    expect(encoded.unknownWords).toEqual(['sinks', 'when']);
  });
});

describe('decodeIds', () => {
  const vocabulary = fitVocabulary(TRAINING);

  it('round-trips text through ids, removing the spaces format_sequence added', () => {
    const text = 'Does the valve closes when the float sinks? The pump waits, and the float rises.';
    expect(decodeIds(vocabulary, encodePrompt(vocabulary, text).ids)).toBe(text);
  });

  it('skips padding, shows unknown words as a placeholder, and rejects ids out of range', () => {
    const ids = [0, 0, vocabulary.idOf('the')!, vocabulary.unknownId, vocabulary.idOf(',')!, vocabulary.idOf('pump')!];
    expect(decodeIds(vocabulary, ids)).toBe(`the ${UNKNOWN_PLACEHOLDER}, pump`);
    expect(decodeIds(vocabulary, ids, '___')).toBe('the ___, pump');
    expect(() => decodeIds(vocabulary, [vocabulary.unknownId + 1])).toThrow(RangeError);
  });

  it('inverts encodeWords for known words', () => {
    const words = ['the', 'pump', 'waits', '.'];
    expect(decodeIds(vocabulary, encodeWords(vocabulary, words))).toBe('the pump waits.');
  });
});
