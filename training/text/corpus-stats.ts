/**
 * Prints what the text corpus looks like: `npx tsx training/text/corpus-stats.ts [--max-words N]`.
 * Numbers to compare with the original app, which printed "16192 unique words" (len(word_index) + 1, over all
 * 3,522 abstracts before the >70 filter) and 318,563 training sequences (all kept abstracts).
 */
import { countWords } from '../../src/models/text/tokenizer.ts';
import { vocabularyFromCounts } from '../../src/models/text/vocabulary.ts';
import { loadTextCorpus, MIN_TOKENS_EXCLUSIVE } from './corpus.ts';
import { groupBySharedSpans } from './split.ts';
import { countWindows } from './windows.ts';

function parseMaxWords(argv: string[]): number | undefined {
  const i = argv.indexOf('--max-words');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--max-words needs a whole number ≥ 1.');
  return n;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(2)}%`;

const maxWords = parseMaxWords(process.argv.slice(2));
const corpus = loadTextCorpus({ maxWords });
const { read, kept, train, heldOut, vocabulary, trainSequences, heldOutSequences } = corpus;
const distinctRead = countWords(read.map((a) => a.text)).size;
const distinctKept = countWords(kept.map((a) => a.text)).size;
const groups = groupBySharedSpans(kept.map((a) => a.words));
const groupSizes = new Map<number, number>();
for (const g of groups) groupSizes.set(g, (groupSizes.get(g) ?? 0) + 1);
const sharedRows = [...groupSizes.values()].filter((n) => n > 1).reduce((s, n) => s + n, 0);

const tokens = (seqs: Int32Array[]) => seqs.reduce((s, q) => s + q.length, 0);
const unknownTokens = (seqs: Int32Array[]) => seqs.reduce((s, q) => s + q.filter((id) => id === vocabulary.unknownId).length, 0);
const heldOutTokens = tokens(heldOutSequences);
const heldOutUnknown = unknownTokens(heldOutSequences);

const lines: [string, string][] = [
  ['abstracts read', fmt(read.length)],
  [`abstracts kept (> ${MIN_TOKENS_EXCLUSIVE} tokens)`, fmt(kept.length)],
  [
    'distinct words, all abstracts read',
    `${fmt(distinctRead)} (+1 padding id = ${fmt(distinctRead + 1)}; the original app printed 16,192)`,
  ],
  ['distinct words, kept abstracts', fmt(distinctKept)],
  [
    'kept abstracts sharing a passage with another',
    `${fmt(sharedRows)} in ${fmt([...groupSizes.values()].filter((n) => n > 1).length)} groups`,
  ],
  ['train abstracts', fmt(train.length)],
  ['held-out abstracts', `${fmt(heldOut.length)} (${pct(heldOut.length, kept.length)})`],
  [
    `vocabulary from training abstracts${maxWords ? ` (cap ${fmt(maxWords)})` : ''}`,
    `${fmt(vocabulary.size)} words; ids 0 = padding, 1..${fmt(vocabulary.size)} words, ${fmt(vocabulary.unknownId)} = unknown`,
  ],
  ['training tokens outside the vocabulary', `${fmt(unknownTokens(trainSequences))} of ${fmt(tokens(trainSequences))}`],
  ['held-out tokens outside the vocabulary', `${fmt(heldOutUnknown)} of ${fmt(heldOutTokens)} (${pct(heldOutUnknown, heldOutTokens)})`],
  [
    'windows, all kept abstracts (comparable with the original app)',
    `${fmt(countWindows(kept.map((a) => a.words)))} (original app: 318,563)`,
  ],
  ['windows, train', fmt(countWindows(trainSequences))],
  ['windows, held-out', fmt(countWindows(heldOutSequences))],
];
const width = Math.max(...lines.map(([label]) => label.length));
for (const [label, value] of lines) console.log(`${label.padEnd(width)}  ${value}`);

// How much of the training text a capped vocabulary still covers, to size the model against its budget.
const trainCounts = countWords(train.map((a) => a.text));
const full = vocabularyFromCounts(trainCounts);
const total = [...trainCounts.values()].reduce((s, n) => s + n, 0);
console.log('\nvocabulary cap → share of training tokens covered (and of held-out tokens)');
for (const cap of [2_000, 5_000, 8_000, 10_000, 12_000, full.size]) {
  if (cap > full.size) continue;
  const capped = full.words.slice(0, cap);
  const covered = capped.reduce((s, w) => s + (trainCounts.get(w) ?? 0), 0);
  const inCap = new Set(capped);
  const heldCovered = heldOut.reduce((s, a) => s + a.words.filter((w) => inCap.has(w)).length, 0);
  console.log(`  ${fmt(cap).padStart(6)}  ${pct(covered, total).padStart(7)}  (${pct(heldCovered, heldOutTokens)})`);
}
