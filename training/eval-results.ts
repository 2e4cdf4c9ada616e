/**
 * What `npm run eval` printed last, kept in training/eval-results.jsonl, and how a package's
 * meta.json metrics are made to agree with it. `npm run eval -- --write` writes both; a unit test
 * (eval-results.test.ts) fails when a meta.json says something else, e.g. after an export that
 * measured a sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MetricRecord, ModelMeta } from '../src/runtime/model-meta.ts';
import { REPO_ROOT } from './lib/data-dir.ts';

/** One line of `npm run eval`'s output. */
export interface Measurement {
  model: string;
  metric: string;
  value: number;
  n: number;
}

/** A measurement with the words meta.json keeps beside it (what data it was measured on). */
export interface DescribedMeasurement extends Measurement {
  data?: string;
}

export const EVAL_RESULTS_FILE = path.join(REPO_ROOT, 'training/eval-results.jsonl');

/** The line eval prints: the four fields, in this order. */
export const evalLine = ({ model, metric, value, n }: Measurement): string => JSON.stringify({ model, metric, value, n });

export function parseEvalResults(text: string): Measurement[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Measurement);
}

export function readEvalResults(file = EVAL_RESULTS_FILE): Measurement[] {
  return parseEvalResults(readFileSync(file, 'utf8'));
}

/** The recorded lines with those of every model measured now replaced (a run of one task keeps the others). */
export function mergeEvalResults(recorded: readonly Measurement[], fresh: readonly Measurement[]): Measurement[] {
  const measured = new Set(fresh.map((m) => m.model));
  return [...recorded.filter((m) => !measured.has(m.model)), ...fresh];
}

export function writeEvalResults(lines: readonly Measurement[], file = EVAL_RESULTS_FILE): void {
  writeFileSync(file, `${lines.map(evalLine).join('\n')}\n`);
}

/**
 * The metric record a measurement belongs to: the first with its name. Later ones with the same
 * name describe something else (the images ensemble's members alone), which eval does not print.
 */
const recordFor = (metrics: readonly MetricRecord[], metric: string) => metrics.findIndex((r) => r.metric === metric);

/** meta.json's metrics with each measurement's value and n (and its description, when it has one); new metrics are appended. */
export function withMeasuredMetrics(meta: ModelMeta, measurements: readonly DescribedMeasurement[]): ModelMeta {
  const metrics = meta.metrics.map((r) => ({ ...r }));
  for (const { metric, value, n, data } of measurements) {
    const i = recordFor(metrics, metric);
    if (i < 0) metrics.push({ metric, value, n, data: data ?? '' });
    else metrics[i] = { ...metrics[i], value, n, ...(data ? { data } : {}) };
  }
  return { ...meta, metrics };
}

/** Where meta.json says something other than eval's lines for its model, one sentence each (empty: they agree). */
export function metricDisagreements(meta: ModelMeta, lines: readonly Measurement[]): string[] {
  return lines
    .filter((m) => m.model === meta.task)
    .flatMap(({ metric, value, n }) => {
      const record = meta.metrics[recordFor(meta.metrics, metric)];
      if (!record) return [`${meta.task} meta.json has no ${metric}; eval printed ${value} (n=${n})`];
      if (record.value !== value || record.n !== n)
        return [`${meta.task} meta.json says ${metric} ${record.value} (n=${record.n}); eval printed ${value} (n=${n})`];
      return [];
    });
}
