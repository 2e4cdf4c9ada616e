/**
 * The vocabulary file of a text model package: the words in id order (id = position + 1) and the
 * tokenizer settings they were made with, so the page splits text exactly as training did.
 *
 *   {"version":1,"lower":false,"filters":"!\"%;[\\]^_`{|}~\t\n","unknownId":16192,"words":["the","a",…]}
 *
 * `unknownId` is redundant (words.length + 1) and is checked on load, to catch a truncated file.
 */
import { Vocabulary } from './vocabulary.ts';

export const VOCABULARY_FORMAT_VERSION = 1;

export interface VocabularyJson {
  version: number;
  lower: boolean;
  filters: string;
  unknownId: number;
  words: string[];
}

export function vocabularyToJson(vocabulary: Vocabulary): VocabularyJson {
  return {
    version: VOCABULARY_FORMAT_VERSION,
    lower: vocabulary.tokenizer.lower,
    filters: vocabulary.tokenizer.filters,
    unknownId: vocabulary.unknownId,
    words: [...vocabulary.words],
  };
}

/** Compact (no indentation): a 16k-word vocabulary is ~150 kB and is downloaded by the page. */
export function stringifyVocabulary(vocabulary: Vocabulary): string {
  return JSON.stringify(vocabularyToJson(vocabulary));
}

/** A value from the file as a message quotes it: short, and without walking (or choking on) nested lists. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Checks everything the page relies on and says what is wrong with a bad file. */
export function vocabularyFromJson(value: unknown): Vocabulary {
  const bad = (why: string) => new Error(`Not a usable vocabulary file: ${why}.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('expected a JSON object');
  const json = value as Partial<Record<keyof VocabularyJson, unknown>>;
  if (json.version === undefined) throw bad(`it has no "version" (expected ${VOCABULARY_FORMAT_VERSION})`);
  if (json.version !== VOCABULARY_FORMAT_VERSION) throw bad(`version ${describe(json.version)}, expected ${VOCABULARY_FORMAT_VERSION}`);
  if (typeof json.lower !== 'boolean') throw bad('"lower" must be true or false');
  if (typeof json.filters !== 'string') throw bad('"filters" must be a string');
  if (!Array.isArray(json.words)) throw bad('"words" must be a list');
  const filters = new Set(json.filters);
  json.words.forEach((word, i) => {
    // A word with a space or a filter character could never come out of the tokenizer.
    if (typeof word !== 'string' || word === '' || word.includes(' ') || [...word].some((c) => filters.has(c))) {
      throw bad(`word ${i + 1} (${describe(word)}) is not a word the tokenizer can produce`);
    }
  });
  const words = json.words as string[];
  if (json.unknownId !== words.length + 1) {
    const unknownId = json.unknownId === undefined ? 'missing' : describe(json.unknownId);
    throw bad(`"unknownId" is ${unknownId} but the file lists ${words.length} words (so it should be ${words.length + 1})`);
  }
  try {
    return new Vocabulary(words, { filters: json.filters, lower: json.lower });
  } catch (error) {
    throw bad((error as Error).message.replace(/\.$/, ''));
  }
}

export function parseVocabulary(text: string): Vocabulary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Not a usable vocabulary file: it is not valid JSON.');
  }
  return vocabularyFromJson(value);
}
