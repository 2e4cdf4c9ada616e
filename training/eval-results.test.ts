import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelMeta } from '../src/runtime/model-meta.ts';
import {
  evalLine,
  type Measurement,
  mergeEvalResults,
  metricDisagreements,
  parseEvalResults,
  readEvalResults,
  withMeasuredMetrics,
} from './eval-results.ts';
import { REPO_ROOT } from './lib/data-dir.ts';
import { readMeta } from './lib/model-package.ts';

const MODELS = path.join(REPO_ROOT, 'public/models');
const packages = readdirSync(MODELS).filter((task) => existsSync(path.join(MODELS, task, 'meta.json')));

describe('meta.json says what npm run eval printed (training/eval-results.jsonl)', () => {
  const recorded = readEvalResults();

  it('has eval lines for every committed package', () => {
    expect(new Set(recorded.map((m) => m.model))).toEqual(new Set(packages));
  });

  it.each(packages)('%s: every metric eval printed has the same value and n in meta.json', (task) => {
    expect(metricDisagreements(readMeta(path.join(MODELS, task)), recorded)).toEqual([]);
  });
});

describe('eval results', () => {
  const meta = (metrics: ModelMeta['metrics']): ModelMeta =>
    ({
      task: 'text',
      version: '1',
      format: 'tfjs-layers',
      inputShape: [50],
      weights: 'uint8',
      files: [],
      training: { command: 'c', data: 'd' },
      metrics,
    }) as ModelMeta;
  const line = (metric: string, value: number, n: number, model = 'text'): Measurement => ({ model, metric, value, n });

  it('prints and reads back the same lines', () => {
    const lines = [line('accuracy', 0.2475, 33255), line('rmse_book', 589.4226, 147, 'forecast')];
    expect(parseEvalResults(`${lines.map(evalLine).join('\n')}\n`)).toEqual(lines);
    expect(evalLine({ ...line('accuracy', 0.5, 2), data: 'kept in meta.json only' } as Measurement)).toBe(
      '{"model":"text","metric":"accuracy","value":0.5,"n":2}',
    );
  });

  it('replaces the lines of the models measured now and keeps the others', () => {
    const recorded = [line('accuracy', 0.995, 10000, 'digits'), line('accuracy', 0.2498, 8192), line('cross_entropy', 4.6683, 8192)];
    expect(mergeEvalResults(recorded, [line('accuracy', 0.2475, 33255)])).toEqual([
      line('accuracy', 0.995, 10000, 'digits'),
      line('accuracy', 0.2475, 33255),
    ]);
  });

  it('finds a sampled figure that eval does not print, and agrees once eval has written its own', () => {
    const sampled = meta([
      { metric: 'accuracy', value: 0.2498, n: 8192, data: 'a seeded sample' },
      { metric: 'accuracy', value: 0.93, n: 200, data: 'another record of the same name, which eval does not print' },
    ]);
    const printed = [line('accuracy', 0.2475, 33255), line('cross_entropy', 4.6867, 33255)];
    expect(metricDisagreements(sampled, printed)).toEqual([
      'text meta.json says accuracy 0.2498 (n=8192); eval printed 0.2475 (n=33255)',
      'text meta.json has no cross_entropy; eval printed 4.6867 (n=33255)',
    ]);
    const written = withMeasuredMetrics(sampled, [{ ...printed[0], data: 'every window' }, printed[1]]);
    expect(metricDisagreements(written, printed)).toEqual([]);
    expect(written.metrics).toEqual([
      { metric: 'accuracy', value: 0.2475, n: 33255, data: 'every window' },
      { metric: 'accuracy', value: 0.93, n: 200, data: 'another record of the same name, which eval does not print' },
      { metric: 'cross_entropy', value: 4.6867, n: 33255, data: '' },
    ]);
    expect(metricDisagreements(written, [line('accuracy', 0.1, 1, 'digits')])).toEqual([]); // another model's lines are not its business
  });
});
