/**
 * What the benchmark runs for each page: the worker call that is one inference, and the input it
 * is given (made in the page and kept on window.__benchParams, since the app's CSP forbids eval).
 */
import type { Page } from '@playwright/test';

export interface TaskProbe {
  task: string;
  /** The worker client on window.__tabml that answers (`client` is the inference worker). */
  client: string;
  /** The call that loads the model, with its params. */
  load: { call: string; params: unknown };
  /** The call that is one inference; its params are window.__benchParams. */
  call: string;
  /** Puts one inference's params on window.__benchParams. */
  prepare(page: Page): Promise<void>;
  /** A file of the model package, relative to the page: cached once the service worker kept it. */
  cachedFile: string;
}

export const digitsProbe: TaskProbe = {
  task: 'digits',
  client: 'client',
  load: { call: 'load', params: { task: 'digits' } },
  call: 'recognizeDigit',
  cachedFile: 'models/digits/meta.json',
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

export const PROBES: TaskProbe[] = [digitsProbe];
