import fc from 'fast-check';
import { it } from 'vitest';
import { MAX_PROMPT_CHARACTERS } from '../../runtime/settings.ts';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { mutatedText } from '../../testing/mutations.ts';
import { expectPlainMessage } from '../../testing/plain-error.ts';
import {
  DIVERSITY_MESSAGE,
  type GenerationRequest,
  LONG_PROMPT_MESSAGE,
  RNG_SEED_MESSAGE,
  requestProblem,
  WORDS_MESSAGE,
} from './request.ts';

const MESSAGES = [LONG_PROMPT_MESSAGE, DIVERSITY_MESSAGE, WORDS_MESSAGE, RNG_SEED_MESSAGE];

/** The rules, written out again: a request can run exactly when each value is in its range. */
const runnable = (r: GenerationRequest) =>
  (r.prompt === undefined || r.prompt.length <= MAX_PROMPT_CHARACTERS) &&
  Number.isFinite(r.diversity) &&
  r.diversity >= 0.5 &&
  r.diversity <= 5 &&
  Number.isInteger(r.words) &&
  r.words >= 10 &&
  r.words <= 100 &&
  (r.rngSeed === undefined || (Number.isInteger(r.rngSeed) && r.rngSeed >= 0 && r.rngSeed <= 2 ** 32 - 1));

// What the Text page's fields hold, damaged, then read as numbers the way the page reads them.
const field = (valid: string[]) => mutatedText(valid).map((text) => Number(text.trim() === '' ? NaN : text));
const fromFields = fc.record({
  prompt: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
  diversity: field(['0.8', '0.5', '5', '1e0']),
  words: field(['50', '10', '100']),
  rngSeed: fc.option(field(['42', '0', '4294967295']), { nil: undefined }),
});
const extremeNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0.5, 5, 10, 100, 2 ** 32 - 1, 2 ** 32, -0, 0.49999999999999994, 5.000000000000001),
);
const fromAnywhere = fc.record({
  prompt: fc.option(
    fc.oneof(
      fc.string(),
      fc.integer({ min: MAX_PROMPT_CHARACTERS - 2, max: MAX_PROMPT_CHARACTERS + 2 }).map((n) => 'w'.repeat(n)),
    ),
    { nil: undefined },
  ),
  diversity: extremeNumber,
  words: extremeNumber,
  rngSeed: fc.option(extremeNumber, { nil: undefined }),
});

it(
  'accepts exactly the runnable requests and names a problem with any other',
  () => {
    fuzz('requestProblem', fc.oneof(fromFields, fromAnywhere), 4000, (request) => {
      const result = outcome(() => requestProblem(request));
      if (!result.ok) throw result.error;
      const problem = result.value;
      if ((problem === null) !== runnable(request)) throw new Error(`said ${JSON.stringify(problem)} for ${JSON.stringify(request)}`);
      if (problem !== null && !MESSAGES.includes(problem)) throw new Error(`unknown message ${problem}`);
      if (problem !== null) expectPlainMessage(problem, '');
    });
  },
  FUZZ_TIMEOUT_MS,
);
