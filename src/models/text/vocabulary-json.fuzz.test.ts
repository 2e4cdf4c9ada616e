import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyJson, anyText, mutatedJson, mutatedText } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { fitVocabulary } from './vocabulary.ts';
import { parseVocabulary, stringifyVocabulary } from './vocabulary-json.ts';

// The shipped 10,000-word file, and a small one (most inputs: fast, and every word within a change's reach).
const shipped = readFileSync(new URL('../../../public/models/text/vocabulary.json', import.meta.url), 'utf8');
const small = stringifyVocabulary(fitVocabulary(['A neural network reads the signal; the network writes an output, "quoted" [here].']));
const VALID_TEXT = [small, small.replace(/,/g, ',\r\n  ')];

it(
  'reads any damaged vocabulary file into a vocabulary or a plain error',
  () => {
    const input = fc.oneof(
      { weight: 6, arbitrary: mutatedJson([JSON.parse(small) as unknown]) },
      { weight: 3, arbitrary: mutatedText(VALID_TEXT) },
      { weight: 1, arbitrary: mutatedJson([JSON.parse(shipped) as unknown]) },
      { weight: 1, arbitrary: mutatedText([shipped]) },
      { weight: 1, arbitrary: fc.oneof(anyJson, anyText) },
    );
    fuzz('parseVocabulary', input, 2000, (text) => {
      const result = outcome(() => parseVocabulary(text));
      if (!result.ok) return expectPlainError(result.error, text);
      const vocabulary = result.value;
      if (vocabulary.unknownId !== vocabulary.size + 1) throw new Error('unknownId is not size + 1');
      vocabulary.words.forEach((word, i) => {
        if (vocabulary.idOf(word) !== i + 1) throw new Error(`"${word}" does not map back to id ${i + 1}`);
      });
    });
  },
  FUZZ_TIMEOUT_MS,
);
