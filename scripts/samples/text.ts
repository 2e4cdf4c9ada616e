/**
 * The Text page's "random" starts: held-out abstracts from DATA_DIR (never the training ones), split
 * into words exactly as training split them. All of them do not fit the 300 kB budget, so a seeded
 * sample does: the same data always gives the same file.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { loadTextCorpus, PATENTS_CSV } from '../../training/text/corpus.ts';

export const TEXT_SAMPLE = 'text/abstracts.json';
export const TEXT_SAMPLE_VERSION = 1;
/** The budget for the held-out abstracts. */
export const TEXT_SAMPLE_MAX_BYTES = 300_000;
const SAMPLE_SEED = 16;

/** The file's shape; the page reads it with `parseTextSamples`. */
export interface TextSamplesJson {
  version: number;
  source: string;
  abstracts: Array<{ patentNumber: string; words: string[] }>;
}

type Abstract = TextSamplesJson['abstracts'][number];

/** A seeded choice of abstracts whose file stays within `maxBytes`, in their original order. */
export function sampleWithinBudget(all: readonly Abstract[], heldOutCount: number, maxBytes: number): TextSamplesJson {
  const json = (abstracts: Abstract[]): TextSamplesJson => ({
    version: TEXT_SAMPLE_VERSION,
    source:
      abstracts.length === heldOutCount
        ? `all ${heldOutCount} held-out abstracts of DATA_DIR/patents (never trained on)`
        : `${abstracts.length} of the ${heldOutCount} held-out abstracts of ` +
          `DATA_DIR/patents (never trained on), chosen with seed ${SAMPLE_SEED}`,
    abstracts,
  });
  // The envelope's size with a worst-case source line, then each abstract plus its comma.
  let bytes = JSON.stringify(json([])).length + 64;
  const chosen: number[] = [];
  for (const i of shuffledIndices(all.length, seededRandom(SAMPLE_SEED))) {
    const size = JSON.stringify(all[i]).length + 1;
    if (bytes + size > maxBytes) continue; // a shorter one may still fit
    bytes += size;
    chosen.push(i);
  }
  return json(chosen.sort((a, b) => a - b).map((i) => all[i]));
}

export function writeTextSamples(dataDir: string, samplesDir: string, maxBytes = TEXT_SAMPLE_MAX_BYTES): string | null {
  const target = path.join(samplesDir, TEXT_SAMPLE);
  if (!existsSync(path.join(dataDir, PATENTS_CSV))) {
    rmSync(target, { force: true }); // never serve a stale copy
    return null;
  }
  const { heldOut } = loadTextCorpus({ dir: dataDir });
  const all = heldOut.map((a) => ({ patentNumber: a.patentNumber, words: a.words }));
  const text = JSON.stringify(sampleWithinBudget(all, all.length, maxBytes));
  if (Buffer.byteLength(text) > maxBytes)
    throw new Error(`${TEXT_SAMPLE} would be ${Buffer.byteLength(text)} bytes, over its ${maxBytes}-byte budget.`);
  writeFileSync(target, text);
  return target;
}
