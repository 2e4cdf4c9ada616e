/**
 * The word ↔ id mapping shared by training and the page. Ids follow Keras's `word_index`:
 * 0 is padding (never a word), 1..size are words from most to least frequent, and one extra id,
 * size + 1, stands for every word outside the vocabulary. So the model has `idCount` = size + 2
 * inputs and outputs, and the words' ids are exactly the ones Keras would give them.
 */
import { countWords, ORIGINAL_APP_TOKENIZER, type TokenizerConfig } from './tokenizer.ts';

export const PADDING_ID = 0;

export class Vocabulary {
  /** The id of every word not in `words`; the last id, so word ids stay Keras's. */
  readonly unknownId: number;
  private readonly ids = new Map<string, number>();

  /** `words[i]` gets id i + 1. */
  constructor(
    readonly words: readonly string[],
    readonly tokenizer: TokenizerConfig = ORIGINAL_APP_TOKENIZER,
  ) {
    words.forEach((word, i) => {
      if (this.ids.has(word)) throw new Error(`The vocabulary lists "${word}" twice.`);
      this.ids.set(word, i + 1);
    });
    this.unknownId = words.length + 1;
  }

  /** Number of words (not counting padding and unknown). */
  get size(): number {
    return this.words.length;
  }

  /** Number of distinct ids: padding, the words and unknown; the model's input and output size. */
  get idCount(): number {
    return this.words.length + 2;
  }

  /** The word's id, or undefined if the word is outside the vocabulary. */
  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** The word with this id, or undefined for padding, unknown and out-of-range ids. */
  wordOf(id: number): string | undefined {
    return id >= 1 && id <= this.words.length ? this.words[id - 1] : undefined;
  }
}

export interface FitOptions {
  tokenizer?: TokenizerConfig;
  /**
   * Keep only the this many most frequent words; the rest map to the unknown id. Same ids as Keras
   * `Tokenizer(num_words=maxWords + 1)`, whose num_words counts the padding index. Default: all.
   */
  maxWords?: number;
}

/**
 * Keras's `fit_on_texts` + `word_index`: words sorted by count, most frequent first, ties in the
 * order they were first seen (Python's sort of the OrderedDict is stable, and so is Array#sort).
 */
export function fitVocabulary(texts: Iterable<string>, options: FitOptions = {}): Vocabulary {
  const tokenizer = options.tokenizer ?? ORIGINAL_APP_TOKENIZER;
  return vocabularyFromCounts(countWords(texts, tokenizer), { ...options, tokenizer });
}

/** The same, from counts already made with `countWords` (in first-seen order). */
export function vocabularyFromCounts(counts: Map<string, number>, options: FitOptions = {}): Vocabulary {
  const { maxWords } = options;
  if (maxWords !== undefined && !(Number.isInteger(maxWords) && maxWords >= 0)) {
    throw new Error(`maxWords must be a whole number ≥ 0, got ${maxWords}.`);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  return new Vocabulary(maxWords === undefined ? ranked : ranked.slice(0, maxWords), options.tokenizer ?? ORIGINAL_APP_TOKENIZER);
}
