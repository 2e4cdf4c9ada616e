import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_SAMPLE, type TextSamplesJson, writeTextSamples } from '../../scripts/samples/text.ts';
import { loadTextCorpus, PATENTS_CSV } from './corpus.ts';

/** A made-up patent file: 60 distinct abstracts of 80 words each (no rows of the real file). */
function writeFakeData(dir: string) {
  const rows = Array.from({ length: 60 }, (_, r) => {
    const words = Array.from({ length: 80 }, (_, k) => (k % 3 ? `w${r}x${k}` : `common${k % 7}`));
    return `"${words.join(' ')}.",2001-01-01,${8000000 + r},Title ${r}`;
  });
  mkdirSync(path.join(dir, 'patents'), { recursive: true });
  writeFileSync(path.join(dir, PATENTS_CSV), ['patent_abstract,patent_date,patent_number,patent_title', ...rows].join('\n'));
}

describe('writeTextSamples', () => {
  // Each test gets a temporary folder with the made-up patent file in data/ and an empty samples/text/.
  let root: string;
  let data: string;
  let samples: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tabml-text-samples-'));
    data = path.join(root, 'data');
    samples = path.join(root, 'samples');
    mkdirSync(path.join(samples, 'text'), { recursive: true });
    writeFakeData(data);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the held-out abstracts only, split into words as training splits them', () => {
    expect(writeTextSamples(data, samples)).toBe(path.join(samples, TEXT_SAMPLE));
    const json = JSON.parse(readFileSync(path.join(samples, TEXT_SAMPLE), 'utf8')) as TextSamplesJson;
    const corpus = loadTextCorpus({ dir: data });
    expect(corpus.heldOut.length).toBeGreaterThan(0);
    expect(json.abstracts.map((a) => a.patentNumber).sort()).toEqual(corpus.heldOut.map((a) => a.patentNumber).sort());
    const training = new Set(corpus.train.map((a) => a.patentNumber));
    expect(json.abstracts.filter((a) => training.has(a.patentNumber))).toEqual([]);
    expect(json.abstracts[0].words).toEqual(corpus.heldOut[0].words);

    // Without the patent file, no stale copy is left behind.
    rmSync(path.join(data, PATENTS_CSV));
    expect(writeTextSamples(data, samples)).toBeNull();
    expect(existsSync(path.join(samples, TEXT_SAMPLE))).toBe(false);
  });

  it('keeps to its byte budget with a seeded sample of held-out abstracts, the same on every run', () => {
    const budget = 4000;
    const file = writeTextSamples(data, samples, budget)!;
    const first = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(first)).toBeLessThanOrEqual(budget);
    const json = JSON.parse(first) as TextSamplesJson;
    const corpus = loadTextCorpus({ dir: data });
    expect(json.abstracts.length).toBeGreaterThan(0);
    expect(json.abstracts.length).toBeLessThan(corpus.heldOut.length);
    expect(json.source).toContain(`of the ${corpus.heldOut.length} held-out abstracts`);
    const heldOut = new Set(corpus.heldOut.map((a) => a.patentNumber));
    expect(json.abstracts.every((a) => heldOut.has(a.patentNumber))).toBe(true);
    writeTextSamples(data, samples, budget);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });
});
