/**
 * The cross-engine smoke suite: each page used once as a person would, in one engine, against the
 * production build; then offline after that one visit. Every step also checks that the page shows
 * no error and the console got none.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIGIT_STROKES } from '../fixtures/digit-strokes.ts';
import { differenceFromPil, fixtureFile, JPEG_BOUNDS, photoLikePng, pilDecodedFixtures } from '../fixtures/images.ts';
import { digitPicture } from '../fixtures/png.ts';
import { addDays, priceSeries } from '../fixtures/prices.ts';
import { type StaticServer, startStaticServer } from '../support/static-server.ts';
import {
  backendBadge,
  byTestId,
  countOf,
  drawDigit,
  dropFiles,
  expectModelReady,
  expectNoConsoleErrors,
  expectNoErrorOnPage,
  expectText,
  shownForecast,
  textOf,
  waitFor,
  waitUntilKeptForOffline,
} from './app.ts';
import type { EngineName, EnginePage } from './engine-page.ts';

export interface SmokeOptions {
  engine: EngineName;
  /** Why the engine cannot run here (then the suite is skipped), or null. */
  skip: string | null;
  launch: () => Promise<EnginePage>;
  dist: string;
  port: number;
}

const LABELS = ['cat', 'coffee'];
// 60 weeks of a seeded random walk, as the Playwright forecast spec uses.
const HISTORY = priceSeries({ start: '2023-01-02', days: 7 * 60, seed: 11 });

/** Files a person would pick, made by the project's fixtures and written where the file dialog can reach. */
function writeFixtures(): Record<'three' | 'mug', string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tabml-engines-'));
  const files = {
    three: ['three.png', digitPicture(DIGIT_STROKES[3], { width: 1200, height: 900, paper: [235, 232, 220], ink: [30, 30, 60] })],
    mug: ['mug.png', photoLikePng(640, 480, 1)],
  } as const;
  const paths = {} as Record<'three' | 'mug', string>;
  for (const [key, [name, bytes]] of Object.entries(files)) {
    paths[key as 'three' | 'mug'] = path.join(dir, name);
    writeFileSync(path.join(dir, name), bytes);
  }
  return paths;
}

async function expectCleanPage(page: EnginePage): Promise<void> {
  await expectNoErrorOnPage(page);
  await expectNoConsoleErrors(page);
}

export function smokeSuite(options: SmokeOptions): void {
  describe(`${options.engine}`, { skip: options.skip ?? false }, () => {
    let server: StaticServer;
    let page: EnginePage;
    let url: (hash: string) => string;
    let fixtures: ReturnType<typeof writeFixtures>;
    const badges: string[] = [];

    before(async () => {
      server = await startStaticServer({ root: options.dist, port: options.port });
      url = (hash) => `${server.url}${hash}`;
      fixtures = writeFixtures();
      page = await options.launch();
    });

    after(async () => {
      await page?.close();
      await server?.close().catch(() => undefined);
      if (badges.length) console.log(`${options.engine} ran on: ${[...new Set(badges)].join('; ')}`);
    });

    it('digits: an uploaded picture and a drawn digit are recognized', async () => {
      await page.goto(url('#/digits'));
      await expectModelReady(page);
      badges.push(await backendBadge(page));
      await page.setFile(byTestId('digit-upload'), fixtures.three);
      await expectText(page, 'digit-prediction', '3');
      await page.click(byTestId('digit-clear'));
      await waitFor(
        'the prediction to clear',
        () => countOf(page, byTestId('digit-prediction')),
        (n) => n === 0,
      );
      await drawDigit(page, 7);
      await expectText(page, 'digit-prediction', '7');
      const json = JSON.parse((await textOf(page, 'digit-json'))!) as { digit: number; probabilities: number[] };
      assert.equal(json.digit, 7);
      assert.equal(json.probabilities.length, 10);
      await expectCleanPage(page);
    });

    it('images: a picked photo and a dropped one get a label each', async () => {
      await page.goto(url('#/images'));
      await expectModelReady(page);
      badges.push(await backendBadge(page));
      await page.setFile(byTestId('image-input'), fixtures.mug);
      await waitFor(
        'one labelled photo',
        () => countOf(page, byTestId('image-prediction')),
        (n) => n === 1,
      );
      await dropFiles(page, byTestId('image-drop'), [{ name: 'cup.png', mimeType: 'image/png', bytes: photoLikePng(300, 200, 2, 'cool') }]);
      await waitFor(
        'two labelled photos',
        () => countOf(page, byTestId('image-prediction')),
        (n) => n === 2,
      );
      const labels = await page.evaluate(
        (s) => [...document.querySelectorAll(s)].map((e) => e.textContent?.trim()),
        byTestId('image-prediction'),
      );
      for (const label of labels) assert.ok(LABELS.includes(label ?? ''), `unexpected label ${label}`);
      const sum = await page.evaluate(
        (s) =>
          [...document.querySelector(s)!.querySelectorAll('li[data-probability]')].reduce(
            (a, li) => a + Number(li.getAttribute('data-probability')),
            0,
          ),
        byTestId('image-probabilities'),
      );
      assert.ok(Math.abs(sum - 1) < 1e-3, `the first photo's probabilities sum to ${sum}`);
      await expectCleanPage(page);
    });

    it("images: this engine's decoder equals PIL on PNG (opaque pixels) and is measured against it on JPEG", async () => {
      // Still on #/images: the page's test handle decodes as a dropped photo is decoded.
      const decode = (file: string, type: string) =>
        page.evaluate(([bytes, t]) => (window as any).__tabmlImages.decode(bytes, t) as { width: number; height: number; data: number[] }, [
          Array.from(fixtureFile(file)),
          type,
        ] as const);
      const { png, jpeg } = pilDecodedFixtures();
      for (const f of png) {
        const decoded = await decode(f.file, 'image/png');
        assert.deepEqual([decoded.width, decoded.height], [f.width, f.height], f.file);
        let mismatches = 0;
        for (let p = 0; p < f.width * f.height; p++) {
          if (decoded.data[p * 4 + 3] !== 255) continue; // translucent pixels: premultiplication may round
          if ([0, 1, 2].some((c) => decoded.data[p * 4 + c] !== f.pixels[p * f.channels + c])) mismatches++;
        }
        assert.equal(mismatches, 0, `${f.file}: opaque pixels that differ from PIL`);
      }
      const jpegReport: string[] = [];
      for (const f of jpeg) {
        const decoded = await decode(f.file, 'image/jpeg');
        assert.deepEqual([decoded.width, decoded.height], [f.width, f.height], f.file);
        const { max, mean } = differenceFromPil(decoded, f);
        jpegReport.push(`${f.file} max ${max}, mean ${mean.toFixed(3)}`);
        // The loose bounds images-decode.spec.ts asks of Chromium: decoders may differ, not by much.
        assert.ok(
          mean < JPEG_BOUNDS.mean && max < JPEG_BOUNDS.max,
          `${f.file}: JPEG decoded far from PIL (max ${max}, mean ${mean.toFixed(3)} levels)`,
        );
      }
      console.log(`${options.engine} JPEG vs PIL (levels): ${jpegReport.join('; ')}`);
      await expectCleanPage(page);
    });

    it('text: a typed start is continued, then Random continues a held-out abstract', async () => {
      await page.goto(url('#/text'));
      await expectModelReady(page);
      badges.push(await backendBadge(page));
      await page.type(byTestId('text-seed'), 'A neural network is trained to recognize patterns in the input data and');
      await page.type(byTestId('text-words'), '12');
      await page.click(byTestId('text-generate'));
      const words = () => page.evaluate((s) => document.querySelector(s)?.getAttribute('data-words') ?? null, byTestId('text-output'));
      await waitFor('12 generated words', words, (w) => w === '12');
      assert.notEqual(await textOf(page, 'text-output'), '', 'the generated words are shown');
      await waitFor(
        'Generate to be ready again',
        () => page.evaluate((s) => !(document.querySelector(s) as HTMLButtonElement).disabled, byTestId('text-generate')),
        Boolean,
      );
      await page.click(byTestId('text-random'));
      await waitFor(
        'the held-out abstract it started from',
        () => textOf(page, 'text-actual'),
        (t) => (t ?? '').length > 0,
      );
      await waitFor('12 words after Random', words, (w) => w === '12');
      await expectCleanPage(page);
    });

    it('forecast: the bundled forecast, a dropped CSV, a short retrain, a cancelled one', async () => {
      await page.goto(url('#/forecast'));
      await expectText(page, 'forecast-data-range', /source: bundled/);
      const bundled = await shownForecast(page, '2024-04-22');
      assert.ok(bundled.predictions.every((p) => p > 0));
      badges.push(await backendBadge(page));
      await dropFiles(page, 'section.forecast', [{ name: 'BTC-USD.csv', mimeType: 'text/csv', bytes: Buffer.from(HISTORY.csv) }]);
      await shownForecast(page, addDays(HISTORY.lastDate, 1));
      await page.type(byTestId('forecast-epochs'), '2');
      await page.click(byTestId('forecast-retrain'));
      await expectText(page, 'forecast-train-message', /^Done: Serving a model retrained on this device/, 120_000);
      await page.type(byTestId('forecast-epochs'), '5000');
      await page.click(byTestId('forecast-train-new'));
      await expectText(page, 'forecast-progress', /Training a new model: epoch [1-9]\d* of 5000/, 120_000);
      await page.click(byTestId('forecast-cancel'));
      await expectText(page, 'forecast-train-message', /Training cancelled after \d+ of 5000 epochs; the previous model still serves/);
      await expectText(page, 'forecast-model', /retrained on this device/);
      await expectCleanPage(page);
    });

    it('offline after one visit: the digits page reloads from the cache and recognizes a digit', async () => {
      await page.goto(url('#/digits'));
      await expectModelReady(page);
      await waitUntilKeptForOffline(page, 'digits');
      await server.close();
      await page.reload();
      await expectModelReady(page);
      await drawDigit(page, 1);
      await expectText(page, 'digit-prediction', '1');
      await expectCleanPage(page);
    });
  });
}
