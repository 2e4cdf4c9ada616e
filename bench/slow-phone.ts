/**
 * A slow phone: the CPU slowed 4x (Chromium's CPU throttling over CDP), and the page's long tasks
 * (main-thread tasks over 50 ms, from a PerformanceObserver registered before the app starts)
 * while each model answers what a person gives it. The longest one is `<task>.longestTaskMs`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { DIGIT_STROKES } from '../e2e/fixtures/digit-strokes.ts';
import { digitPicture } from '../e2e/fixtures/png.ts';
import { priceSeries } from '../e2e/fixtures/prices.ts';
import { drawDigit } from '../e2e/support/app.ts';
import { drawCupPhoto } from './cup-photo.ts';
import { modelReady } from './probes.ts';

export const CPU_SLOWDOWN = 4;

/** Runs in the page before its own scripts; `buffered` also reports tasks that ended before it was read. */
const RECORD_LONG_TASKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LongTask {
  start: number;
  duration: number;
}

/**
 * Files are picked from disk, as a person's are: handing Playwright a buffer sends the bytes
 * through the page's main thread (seconds of long tasks for a photo, none of them the app's).
 */
const FILES = mkdtempSync(path.join(os.tmpdir(), 'tabml-slow-phone-'));
function onDisk(name: string, bytes: Buffer | string): string {
  const file = path.join(FILES, name);
  writeFileSync(file, bytes);
  return file;
}

/** A click as a finger makes it: down, a moment, up (Playwright's own sends both in one task). */
const tap = (page: Page, testId: string) => page.getByTestId(testId).click({ delay: 80 });

/**
 * Waits until `selector` matches (and, with `text`, contains it), checking four times a second.
 * Playwright's waitFor polls on every animation frame and measures the element's box, forcing style
 * and layout: on a page that renders a frame per training epoch, the harness added its own
 * main-thread work to each frame it was measuring (a trace of the retrain showed it in every one).
 */
const appears = (page: Page, selector: string, { text = '', timeout = 120_000 } = {}) =>
  page.waitForFunction(
    ({ selector, text }) => [...document.querySelectorAll(selector)].some((e) => (e.textContent ?? '').includes(text)),
    { selector, text },
    { polling: 250, timeout },
  );

/** What a person does on each page, after the model is ready, until the answer shows. */
export const SLOW_PHONE_ACTIONS: Record<string, Array<{ what: string; act: (page: Page, photo: Buffer) => Promise<void> }>> = {
  digits: [
    {
      what: 'draw a 7',
      act: async (page) => {
        await drawDigit(page, 7);
        await appears(page, '[data-testid="digit-prediction"]', { text: '7' });
      },
    },
    {
      what: 'upload a phone photo of a 3',
      act: async (page) => {
        const buffer = digitPicture(DIGIT_STROKES[3], { width: 2000, height: 1500, paper: [240, 240, 235], ink: [20, 20, 40] });
        await page.getByTestId('digit-upload').setInputFiles(onDisk('three.png', buffer));
        await appears(page, '[data-testid="digit-prediction"]', { text: '3' });
      },
    },
  ],
  images: [
    {
      what: 'pick a 12-megapixel JPEG photo',
      act: async (page, photo) => {
        await page.getByTestId('image-input').setInputFiles(onDisk('photo.jpg', photo));
        await appears(page, '[data-testid="image-prediction"]');
      },
    },
  ],
  text: [
    {
      what: 'generate 50 words',
      act: async (page) => {
        await page.getByTestId('text-seed').fill('A neural network comprising an input layer and');
        await page.getByTestId('text-words').fill('50');
        await tap(page, 'text-generate');
        await appears(page, '[data-testid="text-output"][data-words="50"]');
        await appears(page, '[data-testid="text-generate"]:enabled');
      },
    },
  ],
  forecast: [
    {
      what: 'pick ten years of prices: the forecast',
      act: async (page) => {
        const { csv, lastDate } = priceSeries({ start: '2015-01-01', days: 3650, seed: 7 });
        await page.getByTestId('forecast-csv').setInputFiles(onDisk('BTC-USD.csv', csv));
        await page.waitForFunction(
          (last) => (document.querySelector('[data-testid="forecast-table"] tr[data-date]')?.getAttribute('data-date') ?? '') > last,
          lastDate,
          { polling: 250, timeout: 120_000 },
        );
      },
    },
    {
      what: 'retrain 20 epochs',
      act: async (page) => {
        await page.getByTestId('forecast-epochs').fill('20');
        await tap(page, 'forecast-retrain');
        await appears(page, '[data-testid="forecast-train-message"]', { timeout: 300_000 });
      },
    },
  ],
};

/** A phone camera's 4032×3024 JPEG, encoded by the browser (Node has no JPEG encoder here). */
export async function phonePhoto(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  const jpeg = await drawCupPhoto(page, { width: 4032, height: 3024, spots: 400, as: 'jpeg' });
  await page.close();
  return jpeg!;
}

/**
 * Opens `#/<task>` in a fresh context on a CPU slowed 4x, waits for the model, then does each of
 * the page's actions; returns the long tasks that overlapped each action (from its start to the answer).
 */
export async function longTasksOnSlowPhone(
  browser: Browser,
  base: string,
  task: string,
  photo: Buffer,
): Promise<Array<{ what: string; tasks: LongTask[] }>> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1100, height: 800 } });
  await context.addInitScript({ content: `globalThis.__name = (f) => f;${RECORD_LONG_TASKS}` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    await page.goto(`${base}#/${task}`);
    await modelReady(page);
    if (task === 'forecast') await page.getByTestId('forecast-table').waitFor({ timeout: 120_000 });
    const measured = [];
    for (const { what, act } of SLOW_PHONE_ACTIONS[task]) {
      const from = await page.evaluate(() => performance.now());
      await act(page, photo);
      // Entries reach the observer a task after theirs ends: let two frames pass.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const to = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(
        ({ from, to }) => ((globalThis as any).__longTasks as LongTask[]).filter((t) => t.start + t.duration > from && t.start < to),
        { from, to },
      );
      measured.push({ what, tasks });
    }
    return measured;
  } finally {
    await context.close();
  }
}
