/**
 * The Playwright specs' helpers (e2e/support/app.ts, images.ts, forecast.ts) under the same names,
 * for any EnginePage. Waiting is polling: nothing here asserts how long anything takes.
 */
import { DIGIT_STROKES, densify } from '../fixtures/digit-strokes.ts';
import { keptForOfflineInPage } from '../support/app.ts';
import type { EnginePage } from './engine-page.ts';

/** Polls `read` until `accept` holds; the error names what was awaited and the last value seen. */
export async function waitFor<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The trimmed text of the first element with this test id, or null when there is none. */
export function textOf(page: EnginePage, testId: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, byTestId(testId));
}

export function countOf(page: EnginePage, selector: string): Promise<number> {
  return page.evaluate((s) => document.querySelectorAll(s).length, selector);
}

export async function expectText(page: EnginePage, testId: string, accept: RegExp | string, timeoutMs?: number): Promise<string> {
  const ok = (t: string | null) => t !== null && (typeof accept === 'string' ? t === accept : accept.test(t));
  return (await waitFor(`${testId} to read ${accept}`, () => textOf(page, testId), ok, timeoutMs))!;
}

export async function expectModelReady(page: EnginePage): Promise<void> {
  // Pages load on demand: until one has rendered, "no progress bar" means nothing yet.
  // Generous limits: a busy 2-core machine compiling tfjs's WASM in a second engine is slow, not broken.
  await waitFor(
    'a page to render',
    () => countOf(page, 'main section.page'),
    (n) => n === 1,
    180_000,
  );
  await waitFor(
    'the model to load',
    () => countOf(page, byTestId('model-progress')),
    (n) => n === 0,
    180_000,
  ).catch(async (error: Error) => {
    // Say what the page showed instead: the progress bar's words, the badge.
    const shown = await page
      // biome-ignore lint/performance/useDomNodeTextContent: the words as rendered, for the failure message
      .evaluate(() => (document.querySelector('main') as HTMLElement | null)?.innerText.slice(0, 400) ?? '', null)
      .catch(() => '');
    // And whether the service worker controls the page and answers for the model from the page.
    const probe = await page
      .evaluate(async () => {
        const sw = navigator.serviceWorker.controller?.state ?? 'none';
        const meta = await Promise.race([
          fetch('models/digits/meta.json').then(
            (r) => `HTTP ${r.status}`,
            (e) => `failed: ${e}`,
          ),
          new Promise<string>((r) => setTimeout(() => r('no answer in 5 s'), 5000)),
        ]);
        return `service worker: ${sw}; models/digits/meta.json from the page: ${meta}`;
      }, null)
      .catch((e) => String(e));
    throw new Error(`${error.message}\nThe page showed: ${shown}\nBackend: ${await textOf(page, 'backend-badge')}\n${probe}`);
  });
  await expectNoErrorOnPage(page);
}

/** What the app shows when something went wrong: a page's error, a model's error, the error boundary. */
const ERROR_SELECTORS = ['model-error', 'image-error', 'text-error', 'forecast-error'].map(byTestId).concat('section.panel.error');

export async function expectNoErrorOnPage(page: EnginePage): Promise<void> {
  const shown = await page.evaluate(
    (selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)].map((e) => `${s}: ${e.textContent?.trim()}`)),
    ERROR_SELECTORS,
  );
  if (shown.length > 0) throw new Error(`The page shows an error: ${shown.join(' | ')}`);
}

export async function expectNoConsoleErrors(page: EnginePage): Promise<void> {
  const errors = await page.consoleErrors();
  if (errors.length > 0) throw new Error(`Console errors in ${page.engine}:\n${errors.join('\n')}`);
}

/** The backend badge's text, once the backend has started (it names webgl, wasm or cpu). */
export function backendBadge(page: EnginePage): Promise<string> {
  return expectText(page, 'backend-badge', /\b(webgl|wasm|cpu)\b/);
}

export async function drawDigit(page: EnginePage, digit: number): Promise<void> {
  const box = await page.evaluate((s) => {
    const canvas = document.querySelector(s)!;
    canvas.scrollIntoView({ block: 'center' });
    const r = canvas.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, byTestId('digit-canvas'));
  // Leave a margin, as people do: strokes cover the middle 80% of the canvas.
  const at = ([u, v]: readonly [number, number]) =>
    [Math.round(box.x + box.width * (0.1 + 0.8 * u)), Math.round(box.y + box.height * (0.1 + 0.8 * v))] as const;
  for (const stroke of DIGIT_STROKES[digit]) await page.drag(densify(stroke, 0.03).map(at));
}

export interface DroppedFile {
  name: string;
  mimeType: string;
  bytes: Buffer;
}

/** Drops files on an element, as dragging them from a file manager does (dragover, then drop). */
export async function dropFiles(page: EnginePage, selector: string, files: DroppedFile[]): Promise<void> {
  const sent = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.bytes.toString('base64') }));
  await page.evaluate(
    ({ target, files: fs }) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      const element = document.querySelector(target)!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        element.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { target: selector, files: sent },
  );
}

export interface ShownForecast {
  dates: string[];
  predictions: number[];
}

/** The forecast table once it has 7 rows (the first after `after`, when given). */
export async function shownForecast(page: EnginePage, firstDate?: string): Promise<ShownForecast> {
  const read = () =>
    page.evaluate((s) => {
      const rows = [...document.querySelectorAll(`${s} tr[data-date]`)];
      return {
        dates: rows.map((tr) => tr.getAttribute('data-date') ?? ''),
        predictions: rows.map((tr) => Number(tr.querySelector('[data-prediction]')?.getAttribute('data-prediction'))),
      };
    }, byTestId('forecast-table'));
  return waitFor(
    `7 forecast rows${firstDate ? ` from ${firstDate}` : ''}`,
    read,
    (f) => f.dates.length === 7 && (!firstDate || f.dates[0] === firstDate),
  );
}

/** Waits until the page could go offline: the service worker controls it and holds the model. */
export async function waitUntilKeptForOffline(page: EnginePage, task: string, extra: string[] = []): Promise<void> {
  await waitFor(`the ${task} model to be kept for offline use`, () => page.evaluate(keptForOfflineInPage, { task, extra }), Boolean);
}
