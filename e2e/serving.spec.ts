/**
 * Production serving: Debian's nginx with deploy/nginx.conf (only the port and the root changed)
 * serves the build; Chromium checks isolation, multi-threaded WASM, headers, and offline use.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { drawDigit, expectDigitsOfflineAfterVisit, expectModelReady } from './support/app.ts';
import { DIST, expect, test } from './support/test.ts';

const hasNginx = spawnSync('sh', ['-c', 'command -v nginx']).status === 0;
test.skip(!hasNginx && !process.env.CI, 'nginx is not installed (.ci/run installs it)');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let nginx: ChildProcess;
let base: string;

test.beforeAll(async () => {
  const port = await freePort();
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'tabml-nginx-'));
  mkdirSync(path.join(prefix, 'logs'));
  const conf = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`)
    .replace('root dist;', `root ${path.resolve(DIST)};`)
    .replace('pid nginx.pid;', `pid ${path.join(prefix, 'nginx.pid')};\nuser root;`);
  writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  nginx = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  base = `http://127.0.0.1:${port}/`;
  await expect
    .poll(
      () =>
        fetch(base).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 10_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  nginx?.kill();
});

test('headers: isolation everywhere, wasm MIME, immutable assets, fresh page and service worker', async () => {
  const index = await fetch(base);
  expect(index.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(index.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  expect(index.headers.get('cache-control')).toBe('no-cache');
  expect((await fetch(`${base}sw.js`)).headers.get('cache-control')).toBe('no-cache');

  const html = await index.text();
  const script = html.match(/src="\.\/(assets\/[^"]+\.js)"/)![1];
  const asset = await fetch(base + script);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect(asset.headers.get('cross-origin-embedder-policy')).toBe('require-corp');

  const wasmFile = readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/assets\/tfjs-backend-wasm-simd-[^"']+\.wasm/)![0];
  const wasm = await fetch(base + wasmFile, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(wasm.headers.get('content-type')).toBe('application/wasm');

  const shard = await fetch(`${base}models/digits/group1-shard1of1.bin`);
  expect(shard.status).toBe(200);
  expect(shard.headers.get('access-control-allow-origin')).toBe('*');
});

test('the page is cross-origin isolated, WASM loads its threaded build, and it works offline after one visit', async ({
  page,
  context,
}) => {
  const wasmRequests: string[] = [];
  context.on('request', (r) => r.url().endsWith('.wasm') && wasmRequests.push(r.url()));
  await page.goto(`${base}#/digits`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('backend-badge')).toContainText('wasm');
  await expectModelReady(page);
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  expect(wasmRequests.some((u) => u.includes('threaded-simd'))).toBe(true);
  if ((await page.evaluate(() => navigator.hardwareConcurrency)) > 1)
    await expect(page.getByTestId('backend-badge')).toContainText('threads');

  await expectDigitsOfflineAfterVisit(page, context);
});
