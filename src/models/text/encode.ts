/** Text → ids for training and for the page's prompt, and ids → text for the page's output. */
import { formatSequence, removeSpaces } from './format-sequence.ts';
import { textToWordSequence } from './tokenizer.ts';
import { PADDING_ID, type Vocabulary } from './vocabulary.ts';

/**
 * Keras's `texts_to_sequences` without an oov_token: words outside the vocabulary are DROPPED, so a
 * sequence can be shorter than its text. Kept for faithfulness checks; the app uses `encodeWords`.
 */
export function textsToSequences(vocabulary: Vocabulary, texts: readonly string[]): number[][] {
  return texts.map((text) => {
    const ids: number[] = [];
    for (const word of textToWordSequence(text, vocabulary.tokenizer)) {
      const id = vocabulary.idOf(word);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  });
}

/** One id per word; words outside the vocabulary become `vocabulary.unknownId` (never dropped). */
export function encodeWords(vocabulary: Vocabulary, words: readonly string[]): Int32Array {
  const ids = new Int32Array(words.length);
  words.forEach((word, i) => {
    ids[i] = vocabulary.idOf(word) ?? vocabulary.unknownId;
  });
  return ids;
}

export interface EncodedPrompt {
  /** The words the text was split into, after format_sequence and the tokenizer's filters. */
  words: string[];
  /** One id per word; unknown words have `vocabulary.unknownId`. */
  ids: Int32Array;
  /** Each word outside the vocabulary once, in the order they first appear. */
  unknownWords: string[];
}

/**
 * What a person typed → model input. Cleaned exactly like the training abstracts (format_sequence,
 * then the tokenizer's filters). The original app's Flask app split with str.split() and skipped the filters,
 * so e.g. `"word"` was unknown there; here it is `word`, as the model saw it in training.
 */
export function encodePrompt(vocabulary: Vocabulary, text: string): EncodedPrompt {
  const words = textToWordSequence(formatSequence(text), vocabulary.tokenizer);
  const ids = encodeWords(vocabulary, words);
  const unknownWords = [...new Set(words.filter((_, i) => ids[i] === vocabulary.unknownId))];
  return { words, ids, unknownWords };
}

export const UNKNOWN_PLACEHOLDER = '<unk>';

/**
 * Ids → readable text as the original app showed it: words joined by spaces, then remove_spaces takes out the
 * space before `. , ; ?`. Padding ids are skipped; the unknown id is shown as `unknown`.
 */
export function decodeIds(vocabulary: Vocabulary, ids: ArrayLike<number>, unknown = UNKNOWN_PLACEHOLDER): string {
  const words: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === PADDING_ID) continue;
    if (id === vocabulary.unknownId) {
      words.push(unknown);
      continue;
    }
    const word = vocabulary.wordOf(id);
    if (word === undefined) throw new RangeError(`Id ${id} is outside the vocabulary (0..${vocabulary.unknownId}).`);
    words.push(word);
  }
  return removeSpaces(words.join(' '));
}
