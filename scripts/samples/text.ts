/**
 * The Text page's "random" starts: held-out abstracts from DATA_DIR (never the training ones), split
 * into words exactly as training split them. Written by the build into the git-ignored samples folder.
 */
import { writeFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadTextCorpus, PATENTS_CSV } from '../../training/text/corpus.ts';

export const TEXT_SAMPLE = 'text/abstracts.json';
export const TEXT_SAMPLE_VERSION = 1;

/** The file's shape; the page reads it with `parseTextSamples`. */
export interface TextSamplesJson {
  version: number;
  source: string;
  abstracts: Array<{ patentNumber: string; words: string[] }>;
}

export function writeTextSamples(dataDir: string, samplesDir: string): string | null {
  const target = path.join(samplesDir, TEXT_SAMPLE);
  if (!existsSync(path.join(dataDir, PATENTS_CSV))) {
    rmSync(target, { force: true }); // never serve a stale copy
    return null;
  }
  const { heldOut } = loadTextCorpus({ dir: dataDir });
  const json: TextSamplesJson = {
    version: TEXT_SAMPLE_VERSION,
    source: 'held-out abstracts of DATA_DIR/patents (never trained on)',
    abstracts: heldOut.map((a) => ({ patentNumber: a.patentNumber, words: a.words })),
  };
  writeFileSync(target, JSON.stringify(json));
  return target;
}
