/**
 * The patent-abstract corpus of the text model, from DATA_DIR/patents: read, cleaned and tokenized
 * as the original app did, split by abstract, and encoded with a vocabulary built from the training side.
 * Training, evaluation and the build step that copies held-out abstracts all call `loadTextCorpus`,
 * so they see the same split.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { encodeWords } from '../../src/models/text/encode.ts';
import { formatSequence } from '../../src/models/text/format-sequence.ts';
import { ORIGINAL_APP_TOKENIZER, textToWordSequence } from '../../src/models/text/tokenizer.ts';
import { fitVocabulary, type Vocabulary } from '../../src/models/text/vocabulary.ts';
import { dataDir } from '../lib/data-dir.ts';
import { groupBySharedSpans, type SplitOptions, splitAbstracts } from './split.ts';

export const PATENTS_CSV = path.join('patents', 'neural_network_patent_query.csv');
/** The original app kept abstracts with MORE than training_length + 20 = 70 tokens. */
export const MIN_TOKENS_EXCLUSIVE = 70;

export interface PatentAbstract {
  /** 0-based data row in the CSV (the header is not a row). */
  row: number;
  patentNumber: string;
  /** The abstract as the file has it. */
  abstract: string;
  /** After format_sequence. */
  text: string;
  /** `text` split by the original app's tokenizer. */
  words: string[];
}

/** Quoted CSV with a header row; abstracts hold commas, newlines and doubled quotes. */
export function parsePatentCsv(csv: string): PatentAbstract[] {
  // An explicit delimiter: papaparse would otherwise guess it from the first lines.
  const parsed = Papa.parse<Record<string, string | undefined>>(csv, { header: true, delimiter: ',', skipEmptyLines: true });
  const error = parsed.errors[0];
  if (error) throw new Error(`Patent CSV, data row ${error.row ?? '?'}: ${error.message}.`);
  if (!parsed.meta.fields?.includes('patent_abstract')) throw new Error('Patent CSV has no patent_abstract column.');
  return parsed.data.map((record, row) => {
    const abstract = record.patent_abstract ?? '';
    const text = formatSequence(abstract);
    return { row, patentNumber: record.patent_number ?? '', abstract, text, words: textToWordSequence(text, ORIGINAL_APP_TOKENIZER) };
  });
}

export function readPatentAbstracts(dir: string = dataDir()): PatentAbstract[] {
  return parsePatentCsv(readFileSync(path.join(dir, PATENTS_CSV), 'utf8'));
}

/**
 * The original app filtered on the length of each Keras sequence, from a tokenizer fitted on all abstracts;
 * with every word in that vocabulary nothing is dropped, so sequence length = word count. Filtering
 * on word count is therefore the same filter, and it does not depend on which vocabulary we build.
 */
export function keepLongAbstracts(abstracts: readonly PatentAbstract[]): PatentAbstract[] {
  return abstracts.filter((a) => a.words.length > MIN_TOKENS_EXCLUSIVE);
}

export interface TextCorpusOptions extends SplitOptions {
  /** Vocabulary cap: the most frequent training words kept; others get the unknown id. Default: all. */
  maxWords?: number;
  /** See SHARED_SPAN_WORDS. */
  spanWords?: number;
}

export interface TextCorpus {
  read: PatentAbstract[];
  kept: PatentAbstract[];
  train: PatentAbstract[];
  heldOut: PatentAbstract[];
  /** Fitted on the training abstracts only: held-out words it lacks become its unknown id. */
  vocabulary: Vocabulary;
  trainSequences: Int32Array[];
  heldOutSequences: Int32Array[];
}

/** Unlike the original app (vocabulary from every abstract, split by window), held-out text stays unseen. */
export function buildTextCorpus(read: PatentAbstract[], options: TextCorpusOptions = {}): TextCorpus {
  const kept = keepLongAbstracts(read);
  const split = splitAbstracts(
    groupBySharedSpans(
      kept.map((a) => a.words),
      options.spanWords,
    ),
    options,
  );
  const train = split.train.map((i) => kept[i]);
  const heldOut = split.heldOut.map((i) => kept[i]);
  const vocabulary = fitVocabulary(
    train.map((a) => a.text),
    { tokenizer: ORIGINAL_APP_TOKENIZER, maxWords: options.maxWords },
  );
  const encode = (a: PatentAbstract) => encodeWords(vocabulary, a.words);
  return { read, kept, train, heldOut, vocabulary, trainSequences: train.map(encode), heldOutSequences: heldOut.map(encode) };
}

export function loadTextCorpus(options: TextCorpusOptions & { dir?: string } = {}): TextCorpus {
  return buildTextCorpus(readPatentAbstracts(options.dir), options);
}
