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

/** A recognizable digit as RGBA pixels, drawn by the page itself (kept on window: the app's CSP forbids eval). */
async function prepareDigitImage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = new OffscreenCanvas(280, 280);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 280, 280);
    g.strokeStyle = '#000';
    g.lineWidth = 20;
    g.lineCap = 'round';
    g.beginPath();
    g.moveTo(70, 60);
    g.lineTo(210, 60);
    g.lineTo(120, 230);
    g.stroke();
    const d = g.getImageData(0, 0, 280, 280);
    (window as any).__benchImage = { data: d.data, width: 280, height: 280 };
  });
}

async function timedRuns(page: Page, runs: number): Promise<number[]> {
  await prepareDigitImage(page);
  return page.evaluate(
    async ({ runs }) => {
      const client = (window as any).__tabml.client;
      const image = (window as any).__benchImage;
      const times: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const copy = { ...image, data: image.data.slice() };
        const t0 = performance.now();
        await client.call('recognizeDigit', { image: copy });
        if (i >= 5) times.push(performance.now() - t0); // the first few settle caches
      }
      return times;
    },
    { runs },
  );
}

async function openOn(browser: Browser, base: string, backend: string | null, route = '#/forecast'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}${backend ? `?backend=${backend}` : ''}${route}`);
  await page.waitForFunction(() => (window as any).__tabml && document.querySelector('[data-testid="backend-badge"]')?.className.match(/backend-(webgl|wasm|cpu)/));
  return { context, page };
}

async function benchDigits(browser: Browser, base: string) {
  const meta = JSON.parse(readFileSync(path.join(DIST, 'models/digits/meta.json'), 'utf8')) as { files: Array<{ bytes: number }> };
  record('digits.downloadBytes', meta.files.reduce((s, f) => s + f.bytes, 0));

  // Cold: a new profile, nothing cached. Warm: network off, everything from the service worker's cache.
  const context = await browser.newContext();
  const page = await context.newPage();
  let t0 = Date.now();
  await page.goto(`${base}#/digits`);
  await modelReady(page);
  record('digits.loadMs.cold', Date.now() - t0);
  await page.waitForFunction(async () => !!navigator.serviceWorker.controller && !!(await caches.match(new URL('models/digits/meta.json', location.href).href)), undefined, { timeout: 60_000 });
  await context.setOffline(true);
  t0 = Date.now();
  await page.reload();
  await modelReady(page);
  record('digits.loadMs.warm', Date.now() - t0);
  await context.close();

  // First inference, including download, model build and warm-up, on WASM.
  {
    const { context, page } = await openOn(browser, base, 'wasm');
    await prepareDigitImage(page);
    const first = await page.evaluate(async () => {
      const client = (window as any).__tabml.client;
      const t0 = performance.now();
      await client.call('load', { task: 'digits' });
      await client.call('recognizeDigit', { image: (window as any).__benchImage });
      return performance.now() - t0;
    });
    record('digits.firstMs.wasm', first);
    await context.close();
  }

  for (const backend of BACKENDS_MEASURED) {
    const { context, page } = await openOn(browser, base, backend);
    const actual = await page.evaluate(() => (window as any).__tabml.client.call('memory', {}));
    if (actual.backend !== backend) throw new Error(`asked for ${backend}, got ${actual.backend}`);
    await page.evaluate(() => (window as any).__tabml.client.call('load', { task: 'digits' }));
    const times = await timedRuns(page, RUNS);
    record(`digits.p50Ms.${backend}`, percentile(times, 50));
    record(`digits.p95Ms.${backend}`, percentile(times, 95));
    if (backend === 'wasm') {
      const before = (await page.evaluate(() => (window as any).__tabml.client.call('memory', {}))).numTensors;
      await timedRuns(page, 500);
      const after = (await page.evaluate(() => (window as any).__tabml.client.call('memory', {}))).numTensors;
      record('digits.leakedTensors', after - before);
      record('wasm.matmulGflops', await page.evaluate(() => (window as any).__tabml.client.call('matMulGflops', { size: 1024, runs: 10 })));
    }
    await context.close();
  }
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
      await page.goto(`${server.url}#/text`);
      await page.getByTestId('nav-forecast').click();
      await page.getByRole('heading', { name: 'Forecast' }).waitFor();
      samples.push(Date.now() - t0);
      await context.close();
    }
    record('shell.interactiveMs', median(samples));
    if (BENCHMARKED_TASKS.includes('digits')) await benchDigits(browser, server.url);
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
