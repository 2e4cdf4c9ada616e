import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../testing/fuzz.ts';
import { mutatedJson } from '../testing/mutations.ts';
import { expectPlainMessage } from '../testing/plain-error.ts';
import { type ModelMeta, metaProblem, totalBytes } from './model-meta.ts';

const VALID = ['digits', 'images', 'text', 'forecast'].map(
  (task) => JSON.parse(readFileSync(new URL(`../../public/models/${task}/meta.json`, import.meta.url), 'utf8')) as unknown,
);

it('passes the committed packages', () => {
  for (const meta of VALID) expect(metaProblem(meta)).toBeNull();
});

it(
  'finds any damage to a meta.json that would stop the download, and lets the rest through',
  () => {
    // The loader gets meta.json through response.json(), so it sees parsed values.
    const value = fc.oneof(
      { weight: 6, arbitrary: mutatedJson(VALID, { strict: true }).map((text) => JSON.parse(text) as unknown) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    );
    fuzz('metaProblem', value, 2000, (meta) => {
      const result = outcome(() => metaProblem(meta));
      if (!result.ok) throw result.error;
      const problem = result.value;
      if (problem !== null) return expectPlainMessage(`https://app.example/models/text/meta.json ${problem}.`, '');
      const files = (meta as ModelMeta).files;
      if (!Number.isFinite(totalBytes(meta as ModelMeta)) || !files.some((f) => f.name === 'model.json'))
        throw new Error('passed a meta.json the loader cannot use');
    });
  },
  FUZZ_TIMEOUT_MS,
);
