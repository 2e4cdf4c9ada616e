import { describe, expect, it } from 'vitest';
import { parseTextSamples, randomStart } from './text-samples.ts';

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => (i === 3 ? ',' : `${tag}${i}`));

describe('text samples', () => {
  it('keeps well-formed abstracts longer than one window, drops the rest', () => {
    const good = { patentNumber: '1', words: words(80, 'a') };
    const parsed = parseTextSamples({
      version: 1,
      abstracts: [
        good,
        { patentNumber: '2', words: words(50, 'b') },
        { patentNumber: 3, words: words(80, 'c') },
        null,
        { patentNumber: '4', words: [1, 2] },
      ],
    });
    expect(parsed).toEqual([good]);
    expect(parseTextSamples(null)).toEqual([]);
    expect(parseTextSamples({ abstracts: 'no' })).toEqual([]);
  });

  it('prompts with the first 50 words and shows the real next ones, spaced as the original app showed them', () => {
    const start = randomStart({ patentNumber: '7', words: words(80, 'w') }, 10);
    expect(start.prompt.startsWith('w0 w1 w2, w4')).toBe(true);
    expect(start.prompt.split(' ')).toHaveLength(49); // 50 words, the comma joined to its word
    expect(start.actual).toBe('w50 w51 w52 w53 w54 w55 w56 w57 w58 w59');
  });
});
