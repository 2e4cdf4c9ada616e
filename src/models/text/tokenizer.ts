/**
 * Keras's `Tokenizer` word splitting (`text_to_word_sequence`) and word counting (`fit_on_texts`),
 * with the original app's settings: `Tokenizer(lower=False, filters='!"%;[\\]^_`{|}~\t\n')`, split on ' '.
 */

export interface TokenizerConfig {
  /** Every one of these characters becomes a space before splitting. */
  readonly filters: string;
  /** Lower-case the text first (the original app did not). */
  readonly lower: boolean;
}

/**
 * The original app's filters: ! " % ; [ \ ] ^ _ ` { | } ~ tab newline. Unlike Keras's default they keep
 * `. , ? ( ) - ' : / # $ & * + < = > @`, so "." and "," are words the model learns to write.
 * `;` is filtered even though format_sequence puts a space before it: it never reaches the vocabulary.
 */
export const ORIGINAL_APP_TOKENIZER: TokenizerConfig = { filters: '!"%;[\\]^_`{|}~\t\n', lower: false };

/**
 * Keras's `text_to_word_sequence`: filter characters become spaces, then split on ' ' only (not on
 * other whitespace such as '\r' or U+00A0, which stay inside words, as in Python's str.split(' '))
 * and drop the empty strings.
 */
export function textToWordSequence(text: string, config: TokenizerConfig = ORIGINAL_APP_TOKENIZER): string[] {
  // Python's str.lower and JS toLowerCase agree except in rare locale-free corner cases.
  const source = config.lower ? text.toLowerCase() : text;
  const filters = new Set(config.filters);
  let translated = '';
  for (const char of source) translated += filters.has(char) ? ' ' : char;
  return translated.split(' ').filter((word) => word !== '');
}

/** Keras's `word_counts`: occurrences of each word, in the order words were first seen. */
export function countWords(texts: Iterable<string>, config: TokenizerConfig = ORIGINAL_APP_TOKENIZER): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of textToWordSequence(text, config)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
