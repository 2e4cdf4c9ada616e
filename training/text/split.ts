/**
 * Which abstracts are held out. The split is by abstract, never by window, and abstracts that share
 * a passage go to the same side: the file has many exact copies (552 of the kept abstracts belong to
 * 229 groups of identical text) and continuation patents that reuse whole sentences. Splitting them
 * apart would let the model be graded on text it memorised in training.
 */
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';

export const SPLIT_SEED = 50; // the original app's RANDOM_STATE
export const HELD_OUT_FRACTION = 0.1;
/** Abstracts sharing this many consecutive words are kept together (largest group on the real file: 10). */
export const SHARED_SPAN_WORDS = 20;

/** Two 32-bit FNV-style hashes → one 53-bit number; a collision only merges two groups (harmless). */
function spanKey(ids: Int32Array, start: number, length: number): number {
  let a = 0x811c9dc5 ^ length;
  let b = 0x9747b28c ^ length;
  for (let k = start; k < start + length; k++) {
    a = Math.imul(a ^ ids[k], 0x01000193);
    b = Math.imul(b ^ ids[k], 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2 ** 21 + (b >>> 11);
}

/**
 * A group number per abstract (0, 1, … in order of first member): abstracts that share any run of
 * `spanWords` consecutive words are in one group, transitively. An abstract shorter than that is
 * grouped only with identical ones.
 */
export function groupBySharedSpans(wordLists: readonly (readonly string[])[], spanWords = SHARED_SPAN_WORDS): Int32Array {
  const parent = Int32Array.from(wordLists, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const wordIds = new Map<string, number>();
  const firstWithSpan = new Map<number, number>();
  wordLists.forEach((words, i) => {
    const ids = Int32Array.from(words, (word) => {
      const known = wordIds.get(word);
      if (known !== undefined) return known;
      const id = wordIds.size;
      wordIds.set(word, id);
      return id;
    });
    const length = Math.min(spanWords, ids.length);
    for (let start = 0; start + length <= ids.length; start++) {
      const key = spanKey(ids, start, length);
      const other = firstWithSpan.get(key);
      if (other === undefined) firstWithSpan.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const numbers = new Map<number, number>();
  return Int32Array.from(wordLists, (_, i) => {
    const r = root(i);
    const known = numbers.get(r);
    if (known !== undefined) return known;
    const n = numbers.size;
    numbers.set(r, n);
    return n;
  });
}

export interface AbstractSplit {
  /** Positions in the list that was split, ascending. */
  train: number[];
  heldOut: number[];
}

export interface SplitOptions {
  seed?: number;
  heldOutFraction?: number;
}

/**
 * Seeded shuffle of the groups; whole groups are held out until at least `heldOutFraction` of the
 * abstracts are (so slightly more, never less). Same groups and seed → same split, on any machine.
 */
export function splitAbstracts(groups: ArrayLike<number>, options: SplitOptions = {}): AbstractSplit {
  const fraction = options.heldOutFraction ?? HELD_OUT_FRACTION;
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`heldOutFraction must be in [0, 1), got ${fraction}.`);
  const members: number[][] = [];
  for (let i = 0; i < groups.length; i++) {
    members[groups[i]] ??= [];
    members[groups[i]].push(i);
  }
  const present = members.filter((list) => list !== undefined);
  const target = Math.ceil(groups.length * fraction);
  const held = new Uint8Array(groups.length);
  let heldCount = 0;
  for (const g of shuffledIndices(present.length, seededRandom(options.seed ?? SPLIT_SEED))) {
    if (heldCount >= target) break;
    for (const i of present[g]) held[i] = 1;
    heldCount += present[g].length;
  }
  const split: AbstractSplit = { train: [], heldOut: [] };
  held.forEach((h, i) => (h ? split.heldOut : split.train).push(i));
  return split;
}
