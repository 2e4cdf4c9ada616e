import { describe, expect, it } from 'vitest';
import { ORIGINAL_APP_TOKENIZER } from './tokenizer.ts';
import { fitVocabulary } from './vocabulary.ts';
import { parseVocabulary, stringifyVocabulary, vocabularyFromJson, vocabularyToJson } from './vocabulary-json.ts';

const vocabulary = fitVocabulary(['gear shaft gear , bolt ? nut . gear']);

describe('vocabulary JSON', () => {
  it('stores the words in id order with the tokenizer settings', () => {
    expect(vocabularyToJson(vocabulary)).toEqual({
      version: 1,
      lower: false,
      filters: ORIGINAL_APP_TOKENIZER.filters,
      unknownId: 8,
      words: ['gear', 'shaft', ',', 'bolt', '?', 'nut', '.'],
    });
    expect(stringifyVocabulary(vocabulary)).not.toContain('\n');
  });

  it('round-trips', () => {
    const back = parseVocabulary(stringifyVocabulary(vocabulary));
    expect(back.words).toEqual(vocabulary.words);
    expect(back.tokenizer).toEqual(vocabulary.tokenizer);
    expect(back.unknownId).toBe(vocabulary.unknownId);
    expect(back.idOf('bolt')).toBe(vocabulary.idOf('bolt'));
  });

  it('says what is wrong with a bad file', () => {
    const good = vocabularyToJson(vocabulary);
    expect(() => parseVocabulary('{"words": [')).toThrow(/not valid JSON/);
    expect(() => vocabularyFromJson([])).toThrow(/JSON object/);
    expect(() => vocabularyFromJson({ ...good, version: 2 })).toThrow(/version 2/);
    expect(() => vocabularyFromJson({ ...good, lower: 'no' })).toThrow(/lower/);
    expect(() => vocabularyFromJson({ ...good, words: 'gear' })).toThrow(/list/);
    expect(() => vocabularyFromJson({ ...good, words: ['gear', 'two words'], unknownId: 3 })).toThrow(/word 2/);
    expect(() => vocabularyFromJson({ ...good, words: ['gear', 'semi;colon'], unknownId: 3 })).toThrow(/word 2/);
    expect(() => vocabularyFromJson({ ...good, words: ['gear', 'gear'], unknownId: 3 })).toThrow(/twice/);
    expect(() => vocabularyFromJson({ ...good, unknownId: 5 })).toThrow(/unknownId/);
  });

  it('quotes bad values briefly, and never as undefined or a stack overflow', () => {
    // found by the fuzz test: 'version undefined', and a RangeError from quoting a 10,000-deep list
    const good = vocabularyToJson(vocabulary);
    const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    expect(() => vocabularyFromJson({ ...good, version: undefined })).toThrow(
      'Not a usable vocabulary file: it has no "version" (expected 1).',
    );
    expect(() => vocabularyFromJson({ ...good, version: deep })).toThrow('Not a usable vocabulary file: version a list, expected 1.');
    expect(() => vocabularyFromJson({ ...good, words: [deep], unknownId: 2 })).toThrow('word 1 (a list) is not a word');
    expect(() => vocabularyFromJson({ ...good, unknownId: undefined })).toThrow(
      `"unknownId" is missing but the file lists ${good.words.length} words`,
    );
    expect(() => vocabularyFromJson({ ...good, words: [`${'x'.repeat(100)} y`], unknownId: 2 })).toThrow(
      `word 1 ("${'x'.repeat(40)}…") is not`,
    );
  });
});
