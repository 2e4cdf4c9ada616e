import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyText, mutatedText } from '../../testing/mutations.ts';
import { DEFAULT_FORM, formFromHash, hashForGeneration, type TextForm } from './text-url.ts';

const VALID = [
  '#/text?prompt=A+neural+network+for&diversity=0.8&words=50&rng=42',
  '#/text?seed=A+neural+network+for&diversity=0.8&words=50&rng=42&method=seedMethod',
  '#/text?prompt=Methods%20and%20systems%3A%20%22quoted%22%20%26%20more&diversity=1.5&words=100&rng=4294967295&method=fullReread',
  '#/text',
  hashForGeneration({ ...DEFAULT_FORM, prompt: 'é € 🙂 #?&=+%' }, 0),
];

it(
  'reads a form from any damaged link, and writes links that read back the same',
  () => {
    // Well-formed text only: URLs carry UTF-8, which has no lone surrogates to round-trip.
    const form: fc.Arbitrary<TextForm> = fc.record({
      prompt: fc.string({ unit: 'binary', maxLength: 300 }),
      diversity: fc.string({ unit: 'binary', maxLength: 10 }),
      words: fc.string({ unit: 'binary', maxLength: 10 }),
      rngSeed: fc.string({ unit: 'binary', maxLength: 10 }),
      method: fc.constantFrom('stateful' as const, 'fullReread' as const),
    });
    const input = fc.oneof(
      { weight: 3, arbitrary: mutatedText(VALID).map((hash) => ({ hash })) },
      { weight: 1, arbitrary: anyText.map((hash) => ({ hash })) },
      {
        weight: 2,
        arbitrary: fc.tuple(form, fc.nat()).map(([f, rng]) => ({ hash: hashForGeneration(f, rng), form: { ...f, rngSeed: String(rng) } })),
      },
    );
    fuzz('formFromHash', input, 3000, ({ hash, form: written }: { hash: string; form?: TextForm }) => {
      const result = outcome(() => formFromHash(hash));
      if (!result.ok) throw result.error; // a link never stops the page from opening
      const read = result.value;
      const fields = [read.prompt, read.diversity, read.words, read.rngSeed];
      if (!fields.every((f) => typeof f === 'string') || !['stateful', 'fullReread'].includes(read.method))
        throw new Error(`bad form ${JSON.stringify(read)}`);
      if (written && JSON.stringify(read) !== JSON.stringify(written))
        throw new Error(`wrote ${JSON.stringify(written)}, read back ${JSON.stringify(read)}`);
    });
  },
  FUZZ_TIMEOUT_MS,
);
