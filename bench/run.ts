/**
 * npm run bench — performance in headless Chromium, on this machine.
 * Builds the app, serves it, drives it with Playwright, and writes bench/results.json (flat
 * "metric": number) and bench/REPORT.md. Benchmarks measure speed; the tests assert behaviour.
 *
 * Options: --no-build (reuse dist/), --runs N (steady-state runs per backend, default 60),
 *          --only <task> (one page's keys; results.json is then not written),
 *          --only engines (VGG16 in WebKit and Firefox, bench/engines.ts: merged into results.json and REPORT.md).
 *          --only parity (the backend parity matrix alone, merged into results.json and REPORT.md),
 *          --only slow-phone / --only byo (every page's longest task at 4x CPU / the bring-your-own VGG16, merged),
 *          --only webgpu (p50 per model on ?backend=webgpu, SwiftShader's adapter here, merged).
 * TABML_DIST serves another build folder (default dist).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { waitUntilKeptForOffline } from '../e2e/support/app.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';
// Bring-your-own VGG16 (issue 17), kept in its own file.
import { benchByoVgg16 } from './byo-vgg16.ts';
import { benchEngines } from './engines.ts';
import { BACKENDS_MEASURED, BENCHMARKED_TASKS, SLOW_PHONE_RUNS } from './keys.ts';
// The backend parity matrix (issue 18), kept in its own file.
import { benchParity, mergeParityResults, writeParitySection } from './parity.ts';
import { forecastProbe, modelReady, PROBES, preparePrices, type TaskProbe, TEXT_BENCH_PROMPT, textProbe } from './probes.ts';
import { ENGINES_LINE, updateReportTable, writeReport } from './report.ts';
import { longTasksOnSlowPhone, phonePhoto } from './slow-phone.ts';
import { median, percentile } from './stats.ts';

const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '60' }, only: { type: 'string' } },
});
const RUNS = Math.max(50, Number(args.runs));
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, process.env.TABML_DIST ?? 'dist');
const WEBDRIVER_PORT = Number(process.env.TABML_WEBDRIVER_PORT ?? 4176);
const results: Record<string, number> = {};
const record = (key: string, value: number) => {
  results[key] = Math.round(value * 100) / 100;
  console.log(`${key.padEnd(28)} ${results[key]}`);
};

/** JavaScript and CSS the page loads before any model: what index.html references, gzipped. */
function shellGzipBytes(): number {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return assets.reduce((sum, a) => sum + gzipSync(readFileSync(path.join(DIST, a)), { level: 9 }).byteLength, 0);
}

/**
 * tsx compiles the functions this file hands to page.evaluate with esbuild's keepNames, which wraps
 * named inner functions in __name(…); the page gets a no-op __name before any of its own scripts.
 */
async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

/** In the page: `runs` inferences (after 5 that settle caches), each timed as a page round trip. */
async function timedRuns(page: Page, probe: TaskProbe, runs: number): Promise<number[]> {
  await probe.prepare(page);
  return page.evaluate(
    async ({ client, call, runs }) => {
      const worker = (window as any).__tabml[client];
      const params = (window as any).__benchParams;
      const times: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const t0 = performance.now();
        await worker.call(call, params);
        if (i >= 5) times.push(performance.now() - t0);
      }
      return times;
    },
    { client: probe.client, call: probe.call, runs },
  );
}

const callIn = (page: Page, client: string, call: string, params: unknown) =>
  page.evaluate(({ client, call, params }) => (window as any).__tabml[client].call(call, params), { client, call, params });

const tensorsIn = async (page: Page, client: string) => ((await callIn(page, client, 'memory', {})) as { numTensors: number }).numTensors;

async function openOn(
  browser: Browser,
  base: string,
  backend: string | null,
  task: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}${backend ? `?backend=${backend}` : ''}#/${task}`);
  await page.waitForFunction(
    () =>
      (window as any).__tabml &&
      document.querySelector('[data-testid="backend-badge"]')?.className.match(/backend-(webgl|webgpu|wasm|cpu)/),
  );
  return { context, page };
}

/**
 * A first visit to #/<task> with nothing cached; once the service worker keeps the model package,
 * the network goes off. Returns the page (not yet reloaded) and how long the cold visit took.
 */
async function visitThenGoOffline(
  browser: Browser,
  base: string,
  probe: TaskProbe,
): Promise<{ context: BrowserContext; page: Page; coldMs: number }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}#/${probe.task}`);
  await probe.ready(page);
  const coldMs = Date.now() - t0;
  await waitUntilKeptForOffline(page, probe.task, [], 60_000);
  await context.setOffline(true);
  return { context, page, coldMs };
}

/** The keys every page has: download size, load times, first and steady-state inference, leaks. */
async function benchTask(browser: Browser, base: string, probe: TaskProbe) {
  const { task } = probe;
  const meta = JSON.parse(readFileSync(path.join(DIST, `models/${task}/meta.json`), 'utf8')) as {
    files: Array<{ name: string; bytes: number }>;
  };
  record(
    `${task}.downloadBytes`,
    meta.files.reduce((s, f) => s + f.bytes, 0),
  );

  // Cold: a new profile, nothing cached. Warm: network off, everything from the service worker's cache.
  const { context, page, coldMs } = await visitThenGoOffline(browser, base, probe);
  record(`${task}.loadMs.cold`, coldMs);
  const t0 = Date.now();
  await page.reload();
  await probe.ready(page).catch(async (err: Error) => {
    await page.screenshot({ path: path.join(ROOT, `test-results/bench-${task}-warm.png`) });
    throw err;
  });
  record(`${task}.loadMs.warm`, Date.now() - t0);
  await context.close();

  record(`${task}.firstMs.wasm`, await firstInference(browser, base, probe));

  for (const backend of BACKENDS_MEASURED) {
    const { context, page } = await openOn(browser, base, backend, task);
    await probe.ready(page);
    const actual = (await callIn(page, probe.client, 'memory', {})) as { backend: string };
    if (actual.backend !== backend) throw new Error(`asked for ${backend}, got ${actual.backend}`);
    if (probe.load) await callIn(page, probe.client, probe.load.call, probe.load.params);
    const times = await timedRuns(page, probe, RUNS);
    record(`${task}.p50Ms.${backend}`, percentile(times, 50));
    record(`${task}.p95Ms.${backend}`, percentile(times, 95));
    if (backend === 'wasm') {
      const before = await tensorsIn(page, probe.client);
      await timedRuns(page, probe, 500);
      record(`${task}.leakedTensors`, (await tensorsIn(page, probe.client)) - before);
    }
    await context.close();
  }
}

/**
 * First inference on WASM, including download, model build and warm-up. Measured from another
 * page (its own model loaded first) so that the task's page does not start the download itself;
 * the forecast worker belongs to its page, so there it is page open until the forecast shows.
 */
async function firstInference(browser: Browser, base: string, probe: TaskProbe): Promise<number> {
  if (!probe.load) {
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}?backend=wasm#/${probe.task}`);
    await probe.ready(page);
    const ms = Date.now() - t0;
    await context.close();
    return ms;
  }
  const { context, page } = await openOn(browser, base, 'wasm', probe.task === 'digits' ? 'about' : 'digits');
  await modelReady(page);
  await probe.prepare(page);
  const ms = await page.evaluate(
    async ({ client, load, call }) => {
      const worker = (window as any).__tabml[client];
      const t0 = performance.now();
      await worker.call(load.call, load.params);
      await worker.call(call, (window as any).__benchParams);
      return performance.now() - t0;
    },
    { client: probe.client, load: probe.load, call: probe.call },
  );
  await context.close();
  return ms;
}

const TEXT_METHOD_RUNS = 7;

/**
 * Words per second, stateful (one LSTM step per word) against the full re-read (the original app's
 * method: the whole growing text read again per word): the median of TEXT_METHOD_RUNS runs each.
 */
async function benchTextMethods(browser: Browser, base: string) {
  const { context, page } = await openOn(browser, base, 'wasm', 'text');
  await modelReady(page);
  const prompt = Array.from({ length: 3 }, () => TEXT_BENCH_PROMPT)
    .join(' ')
    .split(' ')
    .slice(0, 50)
    .join(' ');
  // One 100-word run of the stateful path lasts ~0.15 s, so a single run is at the mercy of one GC or
  // scheduler hiccup (two runs a day apart read 856 and 578 words/s): the median of several, alternating.
  const rates = await page.evaluate(
    async ({ prompt, runs }) => {
      const client = (window as any).__tabml.client;
      const rate = async (method: string) => {
        const result = await client.call('generateText', { prompt, diversity: 1, words: 100, rngSeed: 1, method });
        return result.words.length / (result.ms / 1000);
      };
      for (const method of ['stateful', 'fullReread'])
        await client.call('generateText', { prompt, diversity: 1, words: 10, rngSeed: 1, method }); // warm-up
      const stateful: number[] = [];
      const fullReread: number[] = [];
      for (let i = 0; i < runs; i++) {
        stateful.push(await rate('stateful'));
        fullReread.push(await rate('fullReread'));
      }
      return { stateful, fullReread };
    },
    { prompt, runs: TEXT_METHOD_RUNS },
  );
  const [stateful, fullReread] = [median(rates.stateful), median(rates.fullReread)];
  record('text.wordsPerSec.stateful', stateful);
  record('text.wordsPerSec.fullReread', fullReread);
  record('text.speedup', stateful / fullReread);
  await context.close();
}

/**
 * What a returning visitor waits for: open #/text with the model in the service worker's cache
 * (network off), type a prompt, press Generate, until the first word shows.
 */
async function benchTextFirstWord(browser: Browser, base: string) {
  const { context, page } = await visitThenGoOffline(browser, base, textProbe);
  const t0 = Date.now();
  await page.reload();
  await page.getByTestId('text-seed').fill(TEXT_BENCH_PROMPT);
  await page.getByTestId('text-generate').click({ timeout: 60_000 }); // enabled once the model is ready
  await page.getByTestId('text-output').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
  record('text.firstWordMs.warm', Date.now() - t0);
  await context.close();
}

/**
 * A full VGG16 (224×224, random weights, built by scripts/images/make-vgg16.ts into the served
 * folder) through the bring-your-own path on WASM: the issue's "the model the original app could not ship".
 */
async function benchVgg16(browser: Browser, base: string) {
  const { context, page } = await openOn(browser, base, 'wasm', 'about');
  const times = await page.evaluate(async () => {
    const client = (window as any).__tabml.client;
    await client.call('loadCustomImageModelFromUrl', { url: new URL('bench-vgg16/model.json', location.href).href });
    const image = { data: new Uint8ClampedArray(224 * 224 * 4).fill(128), width: 224, height: 224, channels: 4 };
    const preprocessing = { interpolation: 'nearest', mode: 'caffe' };
    const times: number[] = [];
    for (let i = 0; i < 3 + 10; i++) {
      const t0 = performance.now();
      await client.call('classifyWithCustomModel', { image, preprocessing });
      if (i >= 3) times.push(performance.now() - t0);
    }
    await client.call('unloadCustomImageModel', {});
    return times;
  });
  const ms = median(times);
  record('images.vgg16Ms.wasm', ms);
  // VGG16 at 224×224: 15.47 G multiply-adds, i.e. 30.9 GFLOP.
  record('images.vgg16Gflops', (2 * 15.47e9) / (ms / 1000) / 1e9);
  await context.close();
}

/**
 * 300 epochs of "retrain the old model" on ~190 weeks in the forecast worker (WASM), and the
 * page's frame rate meanwhile (training must not block it). The shipped model is put back after.
 */
async function benchForecastRetrain(browser: Browser, base: string, backend: 'wasm' | 'cpu') {
  const { context, page } = await openOn(browser, base, backend, 'forecast');
  await forecastProbe.ready(page);
  await preparePrices(page, 1470);
  const { ms, fps } = await page.evaluate(async () => {
    const client = (window as any).__tabml.forecast;
    let frames = 0;
    let counting = true;
    const count = () => {
      frames++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const t0 = performance.now();
    await client.call('train', { rows: (window as any).__benchPrices, mode: 'retrain', epochs: 300 });
    const ms = performance.now() - t0;
    counting = false;
    await client.call('reset', {});
    return { ms, fps: frames / (ms / 1000) };
  });
  record(`forecast.retrain300Ms.${backend}`, ms);
  if (backend === 'wasm') record('forecast.trainingFps', fps);
  await context.close();
}

/**
 * The longest main-thread task while each of the page's actions is answered, on a CPU slowed 4x
 * (bench/slow-phone.ts), the worst of SLOW_PHONE_RUNS fresh visits: one visit's worst moved by
 * 50 ms from run to run. Each visit's tasks are printed, so a regression can be traced to one action.
 */
async function benchSlowPhone(browser: Browser, base: string, task: string, photo: Buffer) {
  let longest = 0;
  for (let run = 1; run <= SLOW_PHONE_RUNS; run++) {
    const measured = await longTasksOnSlowPhone(browser, base, task, photo);
    for (const { what, tasks } of measured) {
      console.log(`  ${task} (visit ${run}): ${what}: long tasks ${JSON.stringify(tasks.map((t) => Math.round(t.duration)))} ms`);
      longest = Math.max(longest, ...tasks.map((t) => t.duration));
    }
  }
  record(`${task}.longestTaskMs`, longest);
}

async function benchMatMul(browser: Browser, base: string) {
  const { context, page } = await openOn(browser, base, 'wasm', 'digits');
  record('wasm.matmulGflops', (await callIn(page, 'client', 'matMulGflops', { size: 1024, runs: 10 })) as number);
  await context.close();
}

/** Open the app on a page without a model, switch to Digits: until the shell responds; and the matMul ceiling. */
async function benchShell(browser: Browser, base: string) {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}#/about`);
    await page.getByTestId('nav-digits').click();
    await page.getByRole('heading', { name: 'Digits' }).waitFor();
    samples.push(Date.now() - t0);
    await context.close();
  }
  record('shell.interactiveMs', median(samples));
  await benchMatMul(browser, base);
}

/** The engines part alone: its keys replace theirs in results.json; REPORT.md gets the new table. */
async function benchEnginesOnly() {
  const server = await startStaticServer({ root: DIST });
  let engines: string;
  try {
    engines = await benchEngines(server.url, WEBDRIVER_PORT, record);
  } finally {
    await server.close();
  }
  if (engines) mergeIntoResults(ENGINES_LINE, engines);
}

/** WebGPU runs only when asked for (?backend=webgpu), in a browser that offers an adapter: steady-state p50 per model. */
const WEBGPU_RUNS = 20;
async function benchWebGPU(base: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] });
  try {
    for (const probe of PROBES) {
      const { context, page } = await openOn(browser, base, 'webgpu', probe.task);
      await probe.ready(page);
      const actual = (await callIn(page, probe.client, 'memory', {})) as { backend: string };
      if (actual.backend !== 'webgpu') throw new Error(`asked for webgpu, got ${actual.backend}`);
      if (probe.load) await callIn(page, probe.client, probe.load.call, probe.load.params);
      record(`${probe.task}.p50Ms.webgpu`, percentile(await timedRuns(page, probe, WEBGPU_RUNS), 50));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** A part measured alone: its keys replace theirs in results.json, and REPORT.md's `linePrefix` line says `line`. */
function mergeIntoResults(linePrefix: string, line: string) {
  const file = path.join(ROOT, 'bench/results.json');
  const merged = { ...(JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>), ...results };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  updateReportTable(path.join(ROOT, 'bench/REPORT.md'), sorted, linePrefix, line);
}

/** "2026-12-02: key, key, …": when, and which keys, a part measured alone replaced. */
const remeasured = () => `${new Date().toISOString().slice(0, 10)}: ${Object.keys(results).sort().join(', ')}`;

async function main() {
  if (!args['no-build']) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // The full VGG16 for images.vgg16Ms (264 MB of random float16 weights: built here, never committed).
  if (!['parity', 'slow-phone', 'webgpu'].includes(args.only ?? '') && !existsSync(path.join(DIST, 'bench-vgg16/model.json'))) {
    execFileSync('npx', ['tsx', 'scripts/images/make-vgg16.ts', path.join(DIST, 'bench-vgg16')], { cwd: ROOT, stdio: 'inherit' });
  }
  if (args.only === 'engines') return benchEnginesOnly();
  const server = await startStaticServer({ root: DIST });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    if (args.only === 'parity') {
      // Alone: its keys merged into results.json, its table into REPORT.md; the other numbers stay as they were.
      const parity = await benchParity(browser, server.url);
      mergeParityResults(path.join(ROOT, 'bench/results.json'), parity.values);
      writeParitySection(path.join(ROOT, 'bench/REPORT.md'), parity, new Date().toISOString().slice(0, 10));
      return;
    }
    if (args.only === 'webgpu') {
      await benchWebGPU(server.url);
      mergeIntoResults('- Re-measured alone (`--only webgpu`): ', remeasured());
      return;
    }
    if (args.only === 'slow-phone' || args.only === 'byo') {
      // Alone: the longest tasks of every page on a slow phone, or the bring-your-own VGG16; merged.
      if (args.only === 'slow-phone') {
        const photo = await phonePhoto(browser);
        for (const task of BENCHMARKED_TASKS) await benchSlowPhone(browser, server.url, task, photo);
      } else {
        await benchByoVgg16(browser, server.url, record);
      }
      mergeIntoResults(`- Re-measured alone (\`--only ${args.only}\`): `, remeasured());
      return;
    }
    const tasks = args.only ? [args.only] : BENCHMARKED_TASKS;
    if (!args.only) {
      record('shell.gzipBytes', shellGzipBytes());
      await benchShell(browser, server.url);
    }
    for (const probe of PROBES.filter((p) => tasks.includes(p.task))) await benchTask(browser, server.url, probe);
    const photo = await phonePhoto(browser);
    for (const task of tasks) await benchSlowPhone(browser, server.url, task, photo);
    if (tasks.includes('images')) await benchVgg16(browser, server.url);
    // Bring-your-own VGG16 from files and from IndexedDB (issue 17).
    if (tasks.includes('images') || args.only === 'byo') await benchByoVgg16(browser, server.url, record);
    if (tasks.includes('text')) {
      await benchTextMethods(browser, server.url);
      await benchTextFirstWord(browser, server.url);
    }
    if (tasks.includes('forecast')) {
      // The same training on the plain-JS backend: for a 7-unit LSTM, per-operation overhead dominates.
      for (const backend of ['wasm', 'cpu'] as const) await benchForecastRetrain(browser, server.url, backend);
    }
    if (args.only) return;
    const engines = await benchEngines(server.url, WEBDRIVER_PORT, record);
    const parity = await benchParity(browser, server.url);
    const sorted = Object.fromEntries(Object.entries({ ...results, ...parity.values }).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(sorted, null, 2)}\n`);
    // The parity keys get their own table (writeParitySection), not a row each in the main one.
    writeReport(
      path.join(ROOT, 'bench/REPORT.md'),
      Object.fromEntries(Object.entries(sorted).filter(([key]) => !key.startsWith('parity.'))),
      {
        date: new Date().toISOString().slice(0, 10),
        machine:
          `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ` +
          `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
        versions: `Chromium ${browser.version()}, TensorFlow.js ${tf.version.tfjs}, Node ${process.version}`,
        runs: RUNS,
        engines,
      },
    );
    writeParitySection(path.join(ROOT, 'bench/REPORT.md'), parity, new Date().toISOString().slice(0, 10));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
