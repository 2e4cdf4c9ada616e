import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyJson, anyText, mutatedJson, mutatedText } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { parseLabels } from './labels.ts';

const IMAGENET_LIKE = Array.from({ length: 40 }, (_, i) => `class ${i}: n0${1440764 + i}, tench, Tinca tinca`);
const VALID_JSON = [['cat', 'coffee'], { 0: 'cat', 1: 'coffee', 2: 'tea pot' }, IMAGENET_LIKE];
const VALID_TEXT = [
  'cat\ncoffee\n',
  '\uFEFFcat\r\ncoffee\r\n\r\n',
  IMAGENET_LIKE.join('\n'),
  ...VALID_JSON.map((v) => JSON.stringify(v, null, 2)),
];

it(
  'reads any damaged labels file into a list of labels or a plain error',
  () => {
    const input = fc.oneof(
      { weight: 3, arbitrary: mutatedText(VALID_TEXT) },
      { weight: 3, arbitrary: mutatedJson(VALID_JSON) },
      { weight: 1, arbitrary: anyJson },
      { weight: 1, arbitrary: anyText },
    );
    fuzz('parseLabels', input, 3000, (text) => {
      const result = outcome(() => parseLabels(text));
      if (!result.ok) return expectPlainError(result.error, text);
      const labels = result.value;
      if (!Array.isArray(labels) || labels.length === 0) throw new Error(`no labels and no error: ${JSON.stringify(labels)}`);
      // A hole in the list (a sparse {"0": …, "5": …} object) would show as an empty label.
      for (let i = 0; i < labels.length; i++) if (typeof labels[i] !== 'string') throw new Error(`label ${i} is ${typeof labels[i]}`);
    });
  },
  FUZZ_TIMEOUT_MS,
);
