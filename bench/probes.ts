/**
 * What the benchmark runs for each page: the worker call that is one inference, and the input it
 * is given (made in the page and kept on window.__benchParams, since the app's CSP forbids eval).
 */
import type { Page } from '@playwright/test';
import { drawCupPhoto } from './cup-photo.ts';

export interface TaskProbe {
  task: string;
  /** The worker client on window.__tabml that answers (`client` is the inference worker). */
  client: string;
  /** The call that loads the model, with its params; null when only the page can (it owns the worker). */
  load: { call: string; params: unknown } | null;
  /** The call that is one inference; its params are window.__benchParams. */
  call: string;
  /** Puts one inference's params on window.__benchParams. */
  prepare(page: Page): Promise<void>;
  /** Resolves when the page shows that its model is ready. */
  ready(page: Page): Promise<void>;
}

/** The page has rendered (pages load on demand), its download indicator is gone and no error shows. */
export async function modelReady(page: Page): Promise<void> {
  await page.locator('main section').first().waitFor({ state: 'attached', timeout: 120_000 });
  await page.getByTestId('model-progress').waitFor({ state: 'detached', timeout: 120_000 });
  if (await page.getByTestId('model-error').count())
    throw new Error((await page.getByTestId('model-error').textContent()) ?? 'the model failed');
}

export const digitsProbe: TaskProbe = {
  task: 'digits',
  client: 'client',
  load: { call: 'load', params: { task: 'digits' } },
  call: 'recognizeDigit',
  ready: modelReady,
  prepare: (page) =>
    page.evaluate(() => {
      // A 7 drawn the way the page's canvas would deliver it.
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
      (window as any).__benchParams = { image: { data: d.data, width: 280, height: 280 } };
    }),
};

/** Our own sentence (no data from the corpus): 20 words read, then 10 new ones, one inference. */
export const TEXT_BENCH_PROMPT =
  'a neural network comprising an input layer , a plurality of hidden layers and an output layer , wherein each hidden layer';

export const textProbe: TaskProbe = {
  task: 'text',
  client: 'client',
  load: { call: 'load', params: { task: 'text' } },
  call: 'generateText',
  ready: modelReady,
  prepare: (page) =>
    page.evaluate((prompt) => {
      (window as any).__benchParams = { prompt, diversity: 1, words: 10, rngSeed: 1, method: 'stateful' };
    }, TEXT_BENCH_PROMPT),
};

/** A seeded random walk of `days` daily closes in the page (Yahoo rows), for the forecast worker. */
export function preparePrices(page: Page, days: number): Promise<void> {
  return page.evaluate((days) => {
    let state = 12345;
    const rows = [];
    let close = 20000;
    for (let i = 0; i < days; i++) {
      state = (state * 1103515245 + 12345) % 2147483648; // a linear congruential generator
      close *= 1 + (state / 2147483648 - 0.5) * 0.06;
      rows.push({ date: new Date(Date.UTC(2020, 0, 6) + i * 86_400_000).toISOString().slice(0, 10), close: Math.round(close * 100) / 100 });
    }
    (window as any).__benchPrices = rows;
    (window as any).__benchParams = { rows };
  }, days);
}

export const forecastProbe: TaskProbe = {
  task: 'forecast',
  client: 'forecast',
  load: null,
  call: 'predict',
  ready: async (page) => {
    await modelReady(page);
    await page.getByTestId('forecast-model').waitFor({ timeout: 120_000 });
  },
  prepare: (page) => preparePrices(page, 1470), // 210 weeks: 186 to train on, the rest held out
};

export const imagesProbe: TaskProbe = {
  task: 'images',
  client: 'client',
  load: { call: 'load', params: { task: 'images' } },
  call: 'classifyImage',
  ready: modelReady,
  // A 640×480 "photo", so the resize is part of the measure.
  prepare: async (page) => void (await drawCupPhoto(page, { width: 640, height: 480, spots: 0, as: 'pixels' })),
};

export const PROBES: TaskProbe[] = [digitsProbe, imagesProbe, textProbe, forecastProbe];
