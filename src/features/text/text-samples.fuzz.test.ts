import fc from 'fast-check';
import { it } from 'vitest';
import { WINDOW_LENGTH } from '../../models/text/constants.ts';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { mutatedJson } from '../../testing/mutations.ts';
import { parseTextSamples, randomStart } from './text-samples.ts';

// A samples file in the build's layout, with made-up abstracts (the real one comes from DATA_DIR).
const words = (n: number, offset: number) =>
  Array.from({ length: n }, (_, i) => ['A', 'neural', 'network', ',', 'the', 'signal', '.', 'and'][(i + offset) % 8]);
const VALID = [
  {
    abstracts: [
      { patentNumber: '10123456', words: words(80, 0) },
      { patentNumber: 'US9876543B2', words: words(WINDOW_LENGTH + 1, 3) },
    ],
  },
];

it(
  'keeps only usable abstracts from any damaged samples file, and starts from each',
  () => {
    // The page gets the file through response.json(), so the parser sees parsed JSON values.
    const value = fc.oneof(
      { weight: 5, arbitrary: mutatedJson(VALID, { strict: true }).map((text) => JSON.parse(text) as unknown) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    fuzz('parseTextSamples', fc.tuple(value, fc.integer({ min: 10, max: 100 })), 2000, ([input, count]) => {
      const result = outcome(() => parseTextSamples(input));
      if (!result.ok) throw result.error; // a bad samples file only means no "random" button
      for (const abstract of result.value) {
        if (typeof abstract.patentNumber !== 'string' || !(abstract.words.length > WINDOW_LENGTH))
          throw new Error(`kept ${JSON.stringify(abstract).slice(0, 200)}`);
        const start = randomStart(abstract, count);
        if (typeof start.prompt !== 'string' || typeof start.actual !== 'string') throw new Error('no start');
      }
    });
  },
  FUZZ_TIMEOUT_MS,
);
