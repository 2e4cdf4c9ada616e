import { execFileSync } from 'node:child_process';
import { drawDigit, expectModelReady, workerMemory } from './support/app.ts';
import { type StaticServer, startStaticServer } from './support/static-server.ts';
import { DIST, expect, test } from './support/test.ts';

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

  test('?backend=webgl forces WebGL, even software WebGL, and it really runs there', async ({ page }) => {
    await page.goto('?backend=webgl#/digits');
    await expect(page.getByTestId('backend-badge')).toContainText('webgl');
    await expectModelReady(page);
    await drawDigit(page, 4);
    await expect(page.getByTestId('digit-prediction')).toHaveText('4');
    // The launch flags allow SwiftShader explicitly (e2e/support/chromium.ts): were a Chromium update
    // to refuse it, the worker would fall back to WASM and this would say so.
    expect((await workerMemory(page)).backend).toBe('webgl');
  });

  test(
    "?tfjsflags= reaches the worker in tfjs's convention: on the phone GPU path " +
      '(half floats) the precision guard moves the models to WASM and says why',
    async ({ page }) => {
      await page.goto('?backend=webgl&tfjsflags=WEBGL_FORCE_F16_TEXTURES:true,WEBGL_RENDER_FLOAT32_ENABLED:false#/digits');
      const badge = page.getByTestId('backend-badge');
      await expect(badge).toContainText('wasm');
      await badge.click();
      const why = page.getByRole('status');
      await expect(why).toContainText('webgl was requested but did not start (this GPU computes in half precision');
      await expect(why).toContainText(
        'TensorFlow.js flags from the URL: WEBGL_FORCE_F16_TEXTURES:true, WEBGL_RENDER_FLOAT32_ENABLED:false',
      );
      await drawDigit(page, 7);
      await expect(page.getByTestId('digit-prediction')).toHaveText('7');
      expect((await workerMemory(page)).backend).toBe('wasm');
    },
  );

  test('?tfjsflags=WEBGL_PACK:false (unpacked kernels) passes the precision guard and runs on WebGL', async ({ page }) => {
    await page.goto('?backend=webgl&tfjsflags=WEBGL_PACK:false#/digits');
    await expect(page.getByTestId('backend-badge')).toContainText('webgl');
    await drawDigit(page, 3);
    await expect(page.getByTestId('digit-prediction')).toHaveText('3');
    expect((await workerMemory(page)).backend).toBe('webgl');
  });
});

test.describe('models on another origin', () => {
  let app: StaticServer;
  let models: StaticServer;

  test.beforeAll(async () => {
    models = await startStaticServer({ root: DIST, cors: true }); // the build under test
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
