/**
 * npm run eval — measures every committed model package on DATA_DIR and prints one JSON object
 * per line: {"model":"digits","metric":"accuracy","value":0.99,"n":10000}. CI runs this; it never trains.
 *
 * Options: --task NAME (measure only this package; repeatable),
 *          --write (record what it printed in training/eval-results.jsonl and in each measured
 *          package's meta.json metrics, so that they say what eval says; weights are not touched).
 *
 * Without --write, several packages are measured in processes of their own, one per core: tfjs's
 * WASM backend computes on one thread in Node, and text alone takes most of the run. The lines are
 * printed in the same order either way.
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizePicture } from '../src/models/digits/normalize-picture.ts';
import { useNodeBackend } from '../src/runtime/node-backend.ts';
import { digitAccuracy } from './digits/evaluate.ts';
import { loadMnist } from './digits/mnist.ts';
import { PHOTO_MNIST, PHOTO_STROKES, photoCases, readPhotos } from './digits/photos.ts';
import {
  type DescribedMeasurement,
  EVAL_RESULTS_FILE,
  evalLine,
  type Measurement,
  mergeEvalResults,
  readEvalResults,
  withMeasuredMetrics,
  writeEvalResults,
} from './eval-results.ts';
import { evaluateForecast } from './forecast/evaluate.ts';
import { evaluateImages } from './images/evaluate.ts';
import { dataDir, REPO_ROOT } from './lib/data-dir.ts';
import { loadLayersModel } from './lib/model-files.ts';
import { readMeta, writeMetaAsIs } from './lib/model-package.ts';
import { evaluateText, type HeldOutTally, heldOutLines, mergeTallies, type TextWindowSets, tallyHeldOut } from './text/evaluate.ts';

const evaluators: Record<string, (dir: string, data: string) => Promise<DescribedMeasurement[]>> = {
  async digits(dir, data) {
    const model = await loadLayersModel(dir);
    const test = loadMnist(data, 't10k');
    const value = digitAccuracy(model, test);
    // Generated phone-like photos (e2e/fixtures/digit-photos.ts), read through the page's picture steps.
    const photos = readPhotos(model, photoCases(PHOTO_STROKES, PHOTO_MNIST, test), (image) => normalizePicture(image)?.input ?? null);
    model.dispose();
    return [
      { model: 'digits', metric: 'accuracy', value: Number(value.toFixed(4)), n: test.count },
      {
        model: 'digits',
        metric: 'accuracy_photos',
        value: Number((photos.correct / photos.n).toFixed(4)),
        n: photos.n,
        data:
          'phone-like photos generated from the e2e stroke digits and MNIST t10k ' +
          "digits (e2e/fixtures/digit-photos.ts), through the page's picture steps",
      },
    ];
  },
  images: (dir, data) => evaluateImages(dir, data),
  text: (dir, data) => evaluateText(dir, data, (args['text-windows'] ?? 'both') as TextWindowSets),
  forecast: (_dir, data) => evaluateForecast(data),
};

const { values: args } = parseArgs({
  options: {
    task: { type: 'string', multiple: true },
    write: { type: 'boolean', default: false },
    // Internal: the parallel run scores the text package's window sets in several processes:
    // the training abstracts' sample in one, and the held-out windows in shares (`--text-share 1/2`),
    // each printing its tally unrounded for the parent to merge.
    'text-windows': { type: 'string' },
    'text-share': { type: 'string' },
  },
});
const TEXT_WINDOW_SETS: readonly TextWindowSets[] = ['both', 'training-abstracts'];
if (args['text-windows'] && !TEXT_WINDOW_SETS.includes(args['text-windows'] as TextWindowSets))
  throw new Error(`--text-windows wants one of ${TEXT_WINDOW_SETS.join(', ')}; got ${args['text-windows']}`);
const share = args['text-share']?.match(/^(\d+)\/(\d+)$/);
if (args['text-share'] && !(share && Number(share[1]) >= 1 && Number(share[1]) <= Number(share[2])))
  throw new Error(`--text-share wants K/N (1 <= K <= N); got ${args['text-share']}`);
const tasks = args.task ?? Object.keys(evaluators);
const unknown = tasks.filter((t) => !(t in evaluators));
if (unknown.length) throw new Error(`--task wants one of ${Object.keys(evaluators).join(', ')}; got ${unknown.join(', ')}`);

const children = new Set<ReturnType<typeof spawn>>();

/** One child process's share of the run: a task, and for text one of its window sets or a share of the held-out one. */
interface Job {
  task: string;
  options: string[];
  /** The job prints a held-out tally (JSON) for the parent to merge, not lines. */
  tally?: boolean;
}

/** Shares of text's held-out windows: the longest job by far (~4 minutes on one core), so it is split. */
const HELD_OUT_SHARES = 2;

/** The jobs, in printing order. */
const jobsOf = (tasks: string[]): Job[] =>
  tasks.flatMap((task) =>
    task === 'text'
      ? [
          ...Array.from({ length: HELD_OUT_SHARES }, (_, i) => ({
            task,
            options: ['--text-share', `${i + 1}/${HELD_OUT_SHARES}`],
            tally: true,
          })),
          { task, options: ['--text-windows', 'training-abstracts'] },
        ]
      : [{ task, options: [] }],
  );

/** Runs this script for one job in a child process; resolves with what it printed. */
function measureInChild({ task, options }: Job): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--task', task, ...options], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`npm run eval -- --task ${task} ${options.join(' ')} failed (exit ${code})`));
    });
  });
}

/** Every job, as many at a time as there are cores, text's first (the longest); printed in job order, text's shares merged. */
async function measureInParallel() {
  const jobs = jobsOf(tasks);
  const queue = [...jobs].sort((a, b) => Number(b.task === 'text') - Number(a.task === 'text'));
  const printed = new Map<Job, string>();
  const slot = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) printed.set(job, await measureInChild(job));
  };
  try {
    await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), queue.length) }, slot));
  } finally {
    for (const child of children) child.kill(); // one failed: the others' figures no longer matter
  }
  const tallies = jobs.filter((job) => job.tally).map((job) => JSON.parse(printed.get(job)!) as HeldOutTally);
  const firstShare = jobs.find((job) => job.tally);
  for (const job of jobs) {
    if (!job.tally) process.stdout.write(printed.get(job)!);
    else if (job === firstShare) for (const m of heldOutLines(mergeTallies(tallies))) console.log(evalLine(m));
  }
}

async function main() {
  if (!args.write && tasks.length > 1 && os.availableParallelism() > 1) return measureInParallel();
  await useNodeBackend('wasm');
  const data = dataDir();
  if (share) {
    const tally = await tallyHeldOut(path.join(REPO_ROOT, 'public/models/text'), data, {
      index: Number(share[1]),
      count: Number(share[2]),
    });
    return console.log(JSON.stringify(tally));
  }
  const printed: Measurement[] = [];
  for (const task of tasks) {
    const dir = path.join(REPO_ROOT, 'public/models', task);
    if (!existsSync(path.join(dir, 'model.json'))) {
      console.error(`${task}: no model package in ${dir}; skipped`);
      continue;
    }
    const measured = await evaluators[task](dir, data);
    for (const m of measured) console.log(evalLine(m));
    printed.push(...measured);
    if (args.write) writeMetaAsIs(dir, withMeasuredMetrics(readMeta(dir), measured));
  }
  if (args.write) writeEvalResults(mergeEvalResults(existsSync(EVAL_RESULTS_FILE) ? readEvalResults() : [], printed));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
