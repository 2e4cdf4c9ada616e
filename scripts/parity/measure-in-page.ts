/**
 * Runs every model in the real app's workers, through the page's test handle (window.__tabml: the
 * inference client and the forecast client), on the inputs of ./inputs.ts, and returns the answers
 * in the golden file's shape. The page must be the app, opened on #/forecast (that starts both workers).
 * Functions handed to page.evaluate stay anonymous: tsx names named ones with a helper the page lacks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ImagesMeta } from '../../src/models/images/images-meta.ts';
import type { Measured } from './compare.ts';
import { digitDrawing, forecastPrices, GREEDY_STEPS, photo, RETRAIN_EPOCHS, TOP_K } from './inputs.ts';
import { MODELS_DIR } from './read-package.ts';

export interface Selection {
  digits: number[];
  photos: number[];
  /** Photos also classified through the bring-your-own path. */
  byoPhotos: number[];
  prompts: string[];
}

export interface Run {
  measured: Measured;
  /** The backend each worker ran on, as tfjs reports it. */
  backends: { inference: string; forecast: string };
  /** The forecast worker's words if it refused the retrained model (it diverged). */
  trainingError: string | null;
  /** Inference-worker tensors before and after the second round of every call (must be equal). */
  tensors: { before: number; after: number };
}

const base64 = (bytes: Uint8Array | Uint8ClampedArray) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Pixels travel as base64 (JSON has no byte arrays) and become typed arrays again in the page. */
const pixelsFor = (image: { data: Uint8Array | Uint8ClampedArray; width: number; height: number }, channels: 3 | 4) => ({
  data: base64(image.data),
  width: image.width,
  height: image.height,
  channels,
});

export async function waitForWorkers(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as any).__tabml?.client && (window as any).__tabml?.forecast), undefined, {
    timeout: 60_000,
  });
}

export async function measureInPage(page: Page, selection: Selection): Promise<Run> {
  await waitForWorkers(page);
  const meta = JSON.parse(readFileSync(path.join(MODELS_DIR, 'images/meta.json'), 'utf8')) as ImagesMeta;
  const input = {
    digits: selection.digits.map((digit) => ({ digit, image: pixelsFor(digitDrawing(digit), 4) })),
    photos: selection.photos.map((index) => ({ index, image: pixelsFor(photo(index), 4) })),
    byoPhotos: selection.byoPhotos.map((index) => ({ index, image: pixelsFor(photo(index), 4) })),
    prompts: selection.prompts,
    preprocessing: meta.preprocessing,
    steps: GREEDY_STEPS,
    k: TOP_K,
  };
  const inference = await page.evaluate(async (input) => {
    const client = (window as any).__tabml.client;
    const bytes = (b64: string) => Uint8ClampedArray.from(atob(b64), (c) => c.charCodeAt(0));
    const image = (p: { data: string; width: number; height: number; channels: number }) => ({ ...p, data: bytes(p.data) });
    for (const task of ['digits', 'images', 'text']) await client.call('load', { task });
    if (input.byoPhotos.length)
      await client.call('loadCustomImageModelFromUrl', { url: new URL('models/images/model.json', location.href).href });
    const round = async () => {
      const digits = [];
      for (const d of input.digits) {
        const answer = await client.call('recognizeDigit', { image: image(d.image) });
        digits.push({ digit: d.digit, probabilities: answer.result.probabilities as number[] });
      }
      const shipped = [];
      for (const p of input.photos)
        shipped.push({
          photo: p.index,
          probabilities: (await client.call('classifyImage', { image: image(p.image) })).probabilities as number[],
        });
      const byo = [];
      for (const p of input.byoPhotos)
        byo.push({
          photo: p.index,
          probabilities: (await client.call('classifyWithCustomModel', { image: image(p.image), preprocessing: input.preprocessing }))
            .probabilities as number[],
        });
      const text = [];
      for (const prompt of input.prompts)
        text.push({ prompt, ...(await client.call('parityGreedyText', { prompt, steps: input.steps, k: input.k })) });
      return { digits, images: { shipped, byo }, text };
    };
    const first = await round();
    const before = (await client.call('memory', {})).numTensors as number;
    await round(); // the same again: nothing may be left behind
    const after = (await client.call('memory', {})).numTensors as number;
    if (input.byoPhotos.length) await client.call('unloadCustomImageModel', {});
    const backend = (await client.call('memory', {})).backend as string;
    return { ...first, tensors: { before, after }, backend };
  }, input);

  const forecast = await page.evaluate(
    async ({ rows, epochs }) => {
      const client = (window as any).__tabml.forecast;
      const predicted = await client.call('predict', { rows });
      const prices = (p: { forecast: { days: Array<{ prediction: number }> } }) => p.forecast.days.map((d) => d.prediction);
      const backend = (await client.call('memory', {})).backend as string;
      try {
        const trained = await client.call('train', { rows, mode: 'retrain', epochs });
        return {
          prediction: prices(predicted),
          retrain: { losses: trained.losses as number[], prediction: prices(trained) },
          backend,
          trainingError: null,
        };
      } catch (err) {
        // A training that diverged (NaN) is refused by the worker: record it as NaN, for the assertions to catch.
        return {
          prediction: prices(predicted),
          retrain: { losses: [NaN], prediction: [NaN] },
          backend,
          trainingError: String((err as Error).message),
        };
      }
    },
    { rows: forecastPrices(), epochs: RETRAIN_EPOCHS },
  );

  return {
    measured: {
      digits: inference.digits,
      images: inference.images,
      text: inference.text,
      forecast: { prediction: forecast.prediction, retrain: forecast.retrain },
    },
    backends: { inference: inference.backend, forecast: forecast.backend },
    tensors: inference.tensors,
    trainingError: forecast.trainingError,
  };
}
