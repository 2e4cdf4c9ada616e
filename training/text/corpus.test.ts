import { describe, expect, it } from 'vitest';
import { buildTextCorpus, keepLongAbstracts, MIN_TOKENS_EXCLUSIVE, type PatentAbstract, parsePatentCsv } from './corpus.ts';

// Made-up records only: never rows of the real patent file.
const CSV = [
  'patent_abstract,patent_date,patent_number,patent_title',
  '"A widget, with commas, and ""quoted"" parts.",2001-01-02,1111111,"Widget, improved"',
  '"A second',
  'line (3) here; done",2002-03-04,2222222,Gizmo',
  '',
].join('\r\n');

/** A made-up abstract of `n` words: shared filler words plus words unique to `tag`. */
function fakeAbstract(row: number, tag: string, n: number): PatentAbstract {
  const words = Array.from({ length: n }, (_, k) => (k % 2 ? `${tag}${k}` : `common${(k >> 1) % 6}`));
  const text = words.join(' ');
  return { row, patentNumber: String(9000000 + row), abstract: text, text, words };
}

describe('parsePatentCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parsePatentCsv(CSV);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      row: 0,
      patentNumber: '1111111',
      abstract: 'A widget, with commas, and "quoted" parts.',
      text: 'A widget , with commas , and "quoted" parts .',
      words: ['A', 'widget', ',', 'with', 'commas', ',', 'and', 'quoted', 'parts', '.'],
    });
    expect(rows[1].abstract).toBe('A second\r\nline (3) here; done');
    // "\r\n" is a whitespace pair, so format_sequence turns it into one space.
    expect(rows[1].text).toBe('A second line here ; done');
    expect(rows[1].words).toEqual(['A', 'second', 'line', 'here', 'done']);
  });

  it('refuses a file without the abstract column or with a broken quote', () => {
    expect(() => parsePatentCsv('title,number\nx,1\n')).toThrow(/patent_abstract/);
    expect(() => parsePatentCsv('patent_abstract,patent_number\n"open quote,1\n')).toThrow(/Patent CSV/);
  });
});

describe('keepLongAbstracts', () => {
  it('keeps abstracts with MORE than 70 tokens', () => {
    const kept = keepLongAbstracts([fakeAbstract(0, 'a', 70), fakeAbstract(1, 'b', 71), fakeAbstract(2, 'c', 200)]);
    expect(MIN_TOKENS_EXCLUSIVE).toBe(70);
    expect(kept.map((a) => a.row)).toEqual([1, 2]);
  });

  it('counts tokens after cleaning: punctuation is a token, filtered characters are not', () => {
    const csvOf = (abstract: string) => `patent_abstract,patent_number\n"${abstract}",1\n`;
    const base = Array.from({ length: 35 }, (_, k) => `part${k}x`).join(' '); // no digit before the dots
    const withDots = parsePatentCsv(csvOf(`${base.replace(/ /g, '. ')}.`))[0]; // 35 words + 35 dots
    const withSemicolons = parsePatentCsv(csvOf(`${base.replace(/ /g, '; ')}; ${base}`))[0]; // 70 words
    expect(withDots.words).toHaveLength(70);
    expect(withSemicolons.words).toHaveLength(70);
    expect(keepLongAbstracts([withDots, withSemicolons])).toEqual([]);
  });
});

describe('buildTextCorpus', () => {
  const read = [...Array.from({ length: 40 }, (_, i) => fakeAbstract(i, `t${i}x`, 80 + i)), fakeAbstract(40, 'short', 30)];
  const corpus = buildTextCorpus(read);

  it('splits the long abstracts, holding out at least 10%', () => {
    expect(corpus.read).toHaveLength(41);
    expect(corpus.kept).toHaveLength(40);
    expect(corpus.heldOut.length).toBeGreaterThanOrEqual(4);
    const rows = [...corpus.train, ...corpus.heldOut].map((a) => a.row).sort((p, q) => p - q);
    expect(rows).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('builds the vocabulary from training abstracts only; held-out-only words are unknown', () => {
    const { vocabulary, heldOut, heldOutSequences, trainSequences } = corpus;
    const heldOnly = heldOut[0].words.find((w) => !w.startsWith('common'))!;
    expect(vocabulary.idOf(heldOnly)).toBeUndefined();
    expect(heldOutSequences[0][heldOut[0].words.indexOf(heldOnly)]).toBe(vocabulary.unknownId);
    expect(trainSequences.every((seq) => !seq.includes(vocabulary.unknownId))).toBe(true);
    expect(vocabulary.words.slice(0, 6).every((w) => w.startsWith('common'))).toBe(true);
    expect(heldOutSequences.map((s) => s.length)).toEqual(heldOut.map((a) => a.words.length));
  });

  it('is the same every time, and applies the vocabulary cap', () => {
    const again = buildTextCorpus(read);
    expect(again.heldOut.map((a) => a.row)).toEqual(corpus.heldOut.map((a) => a.row));
    expect(again.vocabulary.words).toEqual(corpus.vocabulary.words);
    const capped = buildTextCorpus(read, { maxWords: 6 });
    expect(capped.vocabulary.size).toBe(6);
    expect(capped.trainSequences[0].includes(capped.vocabulary.unknownId)).toBe(true);
  });
});
