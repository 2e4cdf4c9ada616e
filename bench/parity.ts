/**
 * The backend parity matrix, measured (issue 18): every model on every backend configuration, all
 * the golden inputs, in the app's workers. Records `parity.<task>.<config>.maxAbsDiff` and
 * `.top1Agreement` (scripts/parity/compare.ts says what each means) and writes REPORT.md's parity table.
 * `npm run bench -- --only parity --no-build` runs just this and merges into results.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.ts';
import { compareAll, TASKS } from '../scripts/parity/compare.ts';
import { CONFIGURATIONS, type Configuration } from '../scripts/parity/configurations.ts';
import { readGolden } from '../scripts/parity/golden-format.ts';
import { DIGITS, PHOTOS, PROMPTS } from '../scripts/parity/inputs.ts';
import { measureInPage } from '../scripts/parity/measure-in-page.ts';

export interface ParityResults {
  values: Record<string, number>;
  /** Configuration → where its two workers ran (the precision guard may have moved them). */
  ranOn: Record<string, string>;
}

/** Three significant digits (a 1e-7 difference must not round to 0); −1 stands for "not a number came out". */
const significant = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)) : -1);

export async function benchParity(
  browser: Browser,
  base: string,
  configurations: Configuration[] = CONFIGURATIONS,
): Promise<ParityResults> {
  const golden = readGolden();
  const out: ParityResults = { values: {}, ranOn: {} };
  for (const config of configurations) {
    // A configuration that needs its own Chromium flags (WebGPU) gets a browser of its own.
    const own = config.launchArgs
      ? await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...config.launchArgs] })
      : null;
    const context = await (own ?? browser).newContext({ serviceWorkers: 'block' });
    // tsx names the page.evaluate functions' inner arrows with a helper the page lacks (see run.ts).
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}${config.query}#/forecast`);
      const run = await measureInPage(page, { digits: DIGITS, photos: PHOTOS, byoPhotos: PHOTOS, prompts: PROMPTS });
      const cells = compareAll(golden, run.measured);
      out.ranOn[config.name] =
        run.backends.inference === run.backends.forecast
          ? run.backends.inference
          : `${run.backends.inference} / forecast ${run.backends.forecast}`;
      for (const task of TASKS) {
        out.values[`parity.${task}.${config.name}.maxAbsDiff`] = significant(cells[task].maxAbsDiff);
        out.values[`parity.${task}.${config.name}.top1Agreement`] = significant(cells[task].top1Agreement);
      }
      console.log(
        `parity ${config.name.padEnd(15)} on ${out.ranOn[config.name]}: ` +
          `${TASKS.map((t) => `${t} ${significant(cells[t].maxAbsDiff)}/${significant(cells[t].top1Agreement)}`).join(', ')}`,
      );
    } finally {
      await context.close();
      await own?.close();
    }
  }
  return out;
}

const SECTION = '## Backend parity';

/** REPORT.md's parity table (replacing an earlier one): configurations down, tasks across. */
export function writeParitySection(reportFile: string, parity: ParityResults, date: string): void {
  const configs = Object.keys(parity.ranOn);
  const cell = (task: string, config: string) => {
    const diff = parity.values[`parity.${task}.${config}.maxAbsDiff`];
    const agree = parity.values[`parity.${task}.${config}.top1Agreement`];
    return diff === undefined ? '–' : `${diff} / ${agree}`;
  };
  const section = [
    SECTION,
    '',
    `Made by \`npm run bench -- --only parity\` on ${date}: every model in the app's workers, all the golden inputs`,
    '(10 digits, 8 photos through the shipped and the bring-your-own path, 3 prompts × 30 greedy words, the forecast and',
    "20 epochs of retraining), against the golden answers computed on tfjs's CPU backend in Node (`npm run golden`).",
    'Each cell: `maxAbsDiff / top1Agreement` (keys `parity.<task>.<config>.…` in results.json). maxAbsDiff: the largest',
    '|Δ| of any output (text: the top-5 probabilities; forecast: relative, over the prediction, the losses and the',
    'retrained prediction); top1Agreement: the share of same top-1 answers (text: of the 30 greedy words; forecast: 1',
    "when within 0.1 % and the losses within 1 %). `webgl-f16` is a phone GPU's path (half-float textures); `webgpu`",
    'runs in a browser of its own with `--enable-unsafe-webgpu` (SwiftShader\'s adapter here). "ran on": where the workers ended up.',
    '',
    `| configuration | ran on | ${TASKS.join(' | ')} |`,
    `| --- | --- | ${TASKS.map(() => '---').join(' | ')} |`,
    ...configs.map((c) => `| \`${c}\` | ${parity.ranOn[c]} | ${TASKS.map((t) => cell(t, c)).join(' | ')} |`),
    '',
  ].join('\n');
  const current = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  const at = current.indexOf(SECTION);
  const before = (at >= 0 ? current.slice(0, at) : current).replace(/\n*$/, '\n\n');
  writeFileSync(reportFile, before + section);
}

/** results.json with the parity keys replaced by `values` (the other keys as they were). */
export function mergeParityResults(resultsFile: string, values: Record<string, number>): void {
  const current = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number>;
  const kept = Object.entries(current).filter(([key]) => !key.startsWith('parity.'));
  const merged = Object.fromEntries([...kept, ...Object.entries(values)].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
}
