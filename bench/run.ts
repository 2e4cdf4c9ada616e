/**
 * npm run bench — performance in headless Chromium, on this machine.
 * Builds the app, serves it, drives it with Playwright, and writes bench/results.json (flat
 * "metric": number) and bench/REPORT.md. Benchmarks measure speed; the tests assert behaviour.
 *
 * Options: --no-build (reuse dist/), --runs N (steady-state runs per backend, default 60).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { BACKENDS_MEASURED, BENCHMARKED_TASKS } from './keys';
import { percentile, median } from './stats';
import { writeReport } from './report';
import { PROBES, type TaskProbe } from './probes';

const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '60' } } });
const RUNS = Math.max(50, Number(args.runs));
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
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

async function modelReady(page: Page) {
  await page.getByTestId('model-progress').waitFor({ state: 'detached', timeout: 120_000 });
  if (await page.getByTestId('model-error').count()) throw new Error(await page.getByTestId('model-error').innerText());
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

const tensorsIn = async (page: Page) => ((await callIn(page, 'client', 'memory', {})) as { numTensors: number }).numTensors;

async function openOn(browser: Browser, base: string, backend: string | null, task: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}${backend ? `?backend=${backend}` : ''}#/${task}`);
  await page.waitForFunction(() => (window as any).__tabml && document.querySelector('[data-testid="backend-badge"]')?.className.match(/backend-(webgl|wasm|cpu)/));
  return { context, page };
}

/** The keys every page has: download size, load times, first and steady-state inference, leaks. */
async function benchTask(browser: Browser, base: string, probe: TaskProbe) {
  const { task } = probe;
  const meta = JSON.parse(readFileSync(path.join(DIST, `models/${task}/meta.json`), 'utf8')) as { files: Array<{ bytes: number }> };
  record(`${task}.downloadBytes`, meta.files.reduce((s, f) => s + f.bytes, 0));

  // Cold: a new profile, nothing cached. Warm: network off, everything from the service worker's cache.
  const context = await browser.newContext();
  const page = await context.newPage();
  let t0 = Date.now();
  await page.goto(`${base}#/${task}`);
  await modelReady(page);
  record(`${task}.loadMs.cold`, Date.now() - t0);
  await page.waitForFunction(async (file) => !!navigator.serviceWorker.controller && !!(await caches.match(new URL(file, location.href).href)), probe.cachedFile, { timeout: 60_000 });
  await context.setOffline(true);
  t0 = Date.now();
  await page.reload();
  await modelReady(page);
  record(`${task}.loadMs.warm`, Date.now() - t0);
  await context.close();

  // First inference, including download, model build and warm-up, on WASM. Measured from another
  // page (its own model loaded first) so that the task's page does not start the download itself.
  {
    const { context, page } = await openOn(browser, base, 'wasm', task === 'digits' ? 'forecast' : 'digits');
    await modelReady(page);
    await probe.prepare(page);
    const first = await page.evaluate(
      async ({ client, load, call }) => {
        const worker = (window as any).__tabml[client];
        const t0 = performance.now();
        await worker.call(load.call, load.params);
        await worker.call(call, (window as any).__benchParams);
        return performance.now() - t0;
      },
      { client: probe.client, load: probe.load, call: probe.call },
    );
    record(`${task}.firstMs.wasm`, first);
    await context.close();
  }

  for (const backend of BACKENDS_MEASURED) {
    const { context, page } = await openOn(browser, base, backend, task);
    const actual = (await callIn(page, 'client', 'memory', {})) as { backend: string };
    if (actual.backend !== backend) throw new Error(`asked for ${backend}, got ${actual.backend}`);
    await callIn(page, probe.client, probe.load.call, probe.load.params);
    const times = await timedRuns(page, probe, RUNS);
    record(`${task}.p50Ms.${backend}`, percentile(times, 50));
    record(`${task}.p95Ms.${backend}`, percentile(times, 95));
    if (backend === 'wasm') {
      const before = await tensorsIn(page);
      await timedRuns(page, probe, 500);
      record(`${task}.leakedTensors`, (await tensorsIn(page)) - before);
    }
    await context.close();
  }
}

async function benchMatMul(browser: Browser, base: string) {
  const { context, page } = await openOn(browser, base, 'wasm', 'digits');
  record('wasm.matmulGflops', (await callIn(page, 'client', 'matMulGflops', { size: 1024, runs: 10 })) as number);
  await context.close();
}

async function main() {
  if (!args['no-build']) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  record('shell.gzipBytes', shellGzipBytes());
  const server = await startStaticServer({ root: DIST });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${server.url}#/about`);
      await page.getByTestId('nav-digits').click();
      await page.getByRole('heading', { name: 'Digits' }).waitFor();
      samples.push(Date.now() - t0);
      await context.close();
    }
    record('shell.interactiveMs', median(samples));
    await benchMatMul(browser, server.url);
    for (const probe of PROBES.filter((p) => BENCHMARKED_TASKS.includes(p.task))) await benchTask(browser, server.url, probe);
    const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(sorted, null, 2) + '\n');
    writeReport(path.join(ROOT, 'bench/REPORT.md'), sorted, {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
      versions: `Chromium ${browser.version()}, TensorFlow.js ${tf.version.tfjs}, Node ${process.version}`,
      runs: RUNS,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
