import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { drawDigit, expectModelReady, setFaults, workerMemory } from './support/app';
import { startStaticServer, type StaticServer } from './support/static-server';

const SHARD = '/models/digits/group1-shard1of1.bin';

test.describe('backend choice', () => {
  test.use({ serviceWorkers: 'block' });

  test('software-only WebGL is declined: the badge says wasm and explains why', async ({ page }) => {
    await page.goto('#/digits');
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toContainText('wasm');
    await badge.click();
    await expect(page.getByRole('status')).toContainText(/WebGL is (software-only|not available)/);
    await expectModelReady(page);
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  });

  test('?backend=cpu runs the model on the CPU backend', async ({ page }) => {
    await page.goto('?backend=cpu#/digits');
    await expect(page.getByTestId('backend-badge')).toContainText('cpu');
    await expectModelReady(page);
    await drawDigit(page, 1);
    await expect(page.getByTestId('digit-prediction')).toHaveText('1');
  });

  test('?backend=webgl forces WebGL, even software WebGL', async ({ page }) => {
    await page.goto('?backend=webgl#/digits');
    await expect(page.getByTestId('backend-badge')).toContainText('webgl');
    await expectModelReady(page);
    await drawDigit(page, 4);
    await expect(page.getByTestId('digit-prediction')).toHaveText('4');
  });

  test('a WebGL context lost mid-inference: the result still arrives, on wasm', async ({ page }) => {
    await page.goto('?backend=webgl#/digits');
    await expect(page.getByTestId('backend-badge')).toContainText('webgl');
    await expectModelReady(page);
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7');
    // Start a recognition and lose the context while it is in flight.
    const digit = await page.evaluate(async () => {
      const tabml = (window as any).__tabml;
      const canvas = document.querySelector('[data-testid="digit-canvas"]') as HTMLCanvasElement;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const pending = tabml.client.call('recognizeDigit', { image: { data, width, height } });
      await tabml.client.call('loseWebGLContext', {});
      return (await pending).result.digit;
    });
    expect(digit).toBe(7);
    await expect(page.getByTestId('backend-badge')).toContainText('wasm');
    expect((await workerMemory(page)).backend).toBe('wasm');
    await page.getByTestId('digit-clear').click();
    await drawDigit(page, 1);
    await expect(page.getByTestId('digit-prediction')).toHaveText('1');
  });
});

test.describe('model download failures', () => {
  test.use({ serviceWorkers: 'block' });
  test.afterEach(async ({ baseURL }) => setFaults(baseURL!, {}));

  for (const fault of ['missing', 'corrupt'] as const) {
    test(`a ${fault} weight shard shows model-error, and retry recovers once it is fixed`, async ({ page, baseURL }) => {
      await setFaults(baseURL!, { [SHARD]: fault });
      await page.goto('#/digits');
      const error = page.getByTestId('model-error');
      await expect(error).toBeVisible();
      await expect(error).toContainText(fault === 'missing' ? '404' : 'checksum');
      await page.getByTestId('model-retry').click();
      await expect(error).toBeVisible(); // still broken: still an error, not a hang
      await setFaults(baseURL!, {});
      await page.getByTestId('model-retry').click();
      await expectModelReady(page);
      await drawDigit(page, 3);
      await expect(page.getByTestId('digit-prediction')).toHaveText('3');
    });
  }
});

test.describe('download progress', () => {
  test.use({ serviceWorkers: 'block' });
  let slow: StaticServer;
  test.beforeAll(async () => {
    slow = await startStaticServer({ root: 'dist', throttleMsPer64k: 60 }); // ~1 MB/s
  });
  test.afterAll(() => slow.close());

  test('the progress bar moves through the download and disappears when the model is ready', async ({ page }) => {
    // Record every value the bar takes, from inside the page, so none is missed between polls.
    await page.addInitScript(() => {
      const seen: number[] = ((window as any).__progress = []);
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="model-progress"]');
        const value = bar?.getAttribute('aria-valuenow');
        if (value !== null && value !== undefined && seen.at(-1) !== Number(value)) seen.push(Number(value));
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.goto(`${slow.url}#/digits`);
    await expectModelReady(page);
    const seen: number[] = await page.evaluate(() => (window as any).__progress);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes backwards
    await expect(page.getByTestId('model-progress')).toHaveCount(0);
  });
});

test.describe('offline', () => {
  test('after one visit, #/digits works with the network off', async ({ page, context }) => {
    await page.goto('#/digits');
    await expectModelReady(page);
    await drawDigit(page, 7);
    await expect(page.getByTestId('digit-prediction')).toHaveText('7');
    // Wait until the service worker controls the page and holds the model package.
    await expect
      .poll(() => page.evaluate(async () => !!navigator.serviceWorker.controller && !!(await caches.match(new URL('models/digits/group1-shard1of1.bin', location.href).href))), { timeout: 30_000 })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expectModelReady(page);
    await drawDigit(page, 1);
    await expect(page.getByTestId('digit-prediction')).toHaveText('1');
    await context.setOffline(false);
  });
});

test.describe('models on another origin', () => {
  let app: StaticServer;
  let models: StaticServer;

  test.beforeAll(async () => {
    models = await startStaticServer({ root: 'dist', cors: true });
    // A build of the app that loads its models from the second origin (VITE_MODELS_URL).
    execFileSync('npx', ['vite', 'build', '--outDir', 'test-results/dist-cross-origin', '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, VITE_MODELS_URL: `${models.url}models/` },
      stdio: 'inherit',
    });
    app = await startStaticServer({ root: 'test-results/dist-cross-origin' });
  });
  test.afterAll(async () => Promise.all([app?.close(), models?.close()]));

  test('load with CORS into a cross-origin isolated page', async ({ page }) => {
    await page.goto(`${app.url}#/digits`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectModelReady(page);
    await drawDigit(page, 2);
    await expect(page.getByTestId('digit-prediction')).toHaveText('2');
    expect(models.requests).toContain('/models/digits/meta.json');
    expect(models.requests).toContain('/models/digits/group1-shard1of1.bin');
    expect(app.requests.filter((p) => p.includes('/models/'))).toEqual([]);
  });
});
