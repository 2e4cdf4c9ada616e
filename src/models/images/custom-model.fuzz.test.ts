import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyJson, anyText, mutatedJson, mutatedText } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { customModelArtifacts, type ModelFile } from './custom-model.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const jsonFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));
// Real tensorflowjs_converter output (read where CI keeps it, never copied in) and this project's own packages.
const converterOutput = jsonFiles(path.join(root, '../shared/byo-models'));
const ownPackages = ['digits', 'images', 'text', 'forecast'].map((task) => path.join(root, 'public/models', task, 'model.json'));
const texts = [...converterOutput, ...ownPackages].map((f) => readFileSync(f, 'utf8'));
const VALID = texts.map((t) => JSON.parse(t) as { weightsManifest?: Array<{ paths: string[] }> });

/** Every shard any of them names, so that most damaged files still find their weights. */
const shardNames = [...new Set(VALID.flatMap((m) => (m.weightsManifest ?? []).flatMap((g) => g.paths)))];
const weightFiles: fc.Arbitrary<ModelFile[]> = fc
  .tuple(
    fc.subarray(shardNames, { minLength: shardNames.length - 2 }),
    fc.constantFrom('', 'Downloads/model/', 'C:\\model\\'),
    fc.integer({ min: 0, max: 64 }),
  )
  .map(([names, folder, bytes]) => names.map((name) => ({ name: folder + name, data: new ArrayBuffer(bytes) })));

it(
  'turns any damaged model.json into loadable artifacts or a plain error',
  () => {
    if (converterOutput.length < 9)
      throw new Error(`expected the nine converter outputs in ../shared/byo-models, found ${converterOutput.length}`);
    const modelJson = fc.oneof(
      { weight: 6, arbitrary: mutatedJson(VALID) },
      { weight: 1, arbitrary: mutatedText(texts) },
      { weight: 1, arbitrary: fc.oneof(anyJson, anyText) },
    );
    fuzz('customModelArtifacts', fc.tuple(modelJson, weightFiles), 2000, ([text, files]) => {
      const result = outcome(() => customModelArtifacts(text, files));
      if (!result.ok) return expectPlainError(result.error, text);
      const { modelTopology, weightSpecs, weightData } = result.value;
      if (typeof modelTopology !== 'object' || modelTopology === null || Array.isArray(modelTopology))
        throw new Error('topology is not an object');
      if (!Array.isArray(weightSpecs) || !Array.isArray(weightData) || !weightData.every((d) => d instanceof ArrayBuffer))
        throw new Error('no weight specs or data');
    });
  },
  FUZZ_TIMEOUT_MS,
);
