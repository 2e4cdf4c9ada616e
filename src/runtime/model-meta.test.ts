import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModelMeta } from './model-meta.ts';

const committed = (task: string) =>
  JSON.parse(readFileSync(new URL(`../../public/models/${task}/meta.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const URL_ = 'https://app.example/models/forecast/meta.json';

describe('readModelMeta', () => {
  it('reads every committed package', () => {
    for (const task of ['digits', 'images', 'text', 'forecast'])
      expect(readModelMeta(committed(task), URL_)).toHaveProperty('meta.task', task);
  });

  it('says plainly which field code reads is missing or of the wrong type', () => {
    const meta = committed('forecast');
    const problem = (changed: Record<string, unknown>) => {
      const read = readModelMeta({ ...meta, ...changed }, URL_);
      return 'problem' in read ? read.problem : null;
    };
    expect(problem({ inputShape: [1, 'seven'] })).toBe(`${URL_} has no input shape (a list of whole numbers above 0).`);
    expect(problem({ weights: 'int4' })).toBe(`${URL_} gives a weight storage other than float32, float16, uint8.`);
    expect(problem({ training: { data: 'prices' } })).toBe(`${URL_} does not say how the model was trained (the command and the data).`);
    expect(problem({ metrics: [{ metric: 'rmse', value: 'low', n: 3, data: 'x' }] })).toMatch(/has metrics that are not each/);
    expect(problem({ labels: [1, 2] })).toBe(`${URL_} has labels that are not a list of words.`);
  });

  it('checks a structured training range: two days in order and a number of weeks', () => {
    const meta = committed('forecast');
    const withRange = (range: unknown) => readModelMeta({ ...meta, training: { ...(meta.training as object), range } }, URL_);
    expect(withRange({ from: '2016-01-04', to: '2019-08-04', weeks: 187 })).toHaveProperty('meta.training.range.weeks', 187);
    expect(withRange({ from: '2019-08-04', to: '2016-01-04', weeks: 187 })).toHaveProperty('problem');
    expect(withRange({ from: '2016-01-04 … 2019-08-04', weeks: 187 })).toHaveProperty('problem');
  });
});
