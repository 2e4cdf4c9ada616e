/** Helpers the Forecast specs share: loading prices the ways a visitor does, reading the forecast. */
import { expect, type Page } from '@playwright/test';
import { addDays } from '../fixtures/prices.ts';

/** Tests about files start with no prices, as if the bundled history could not be read (offline on a first visit). */
export async function withoutSamplePrices(page: Page): Promise<void> {
  await page.route('**/samples/forecast/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
}

export async function openForecast(page: Page): Promise<void> {
  await page.goto('#/forecast');
  await expect(page.getByTestId('forecast-model')).toBeVisible({ timeout: 60_000 });
}

export async function pickCsv(page: Page, csv: string | Buffer, name = 'BTC-USD.csv'): Promise<void> {
  await page
    .getByTestId('forecast-csv')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) });
}

/** Drops a file on the page, as dragging it from a file manager does. */
export async function dropCsv(page: Page, csv: string, name = 'BTC-USD.csv'): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([text, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], fileName, { type: 'text/csv' }));
      return dt;
    },
    [csv, name] as const,
  );
  await page.locator('section.forecast').dispatchEvent('drop', { dataTransfer: transfer });
}

export async function pasteCsv(page: Page, csv: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, csv);
}

export interface ShownForecast {
  dates: string[];
  predictions: number[];
}

/** The 7 rows of forecast-table, once they are for the days after `lastDate` (if given). */
export async function shownForecast(page: Page, after?: string): Promise<ShownForecast> {
  const rows = page.getByTestId('forecast-table').locator('tr[data-date]');
  // A first forecast on a software GPU compiles its shaders first: on a loaded machine, over 30 s.
  await expect(rows).toHaveCount(7, { timeout: 60_000 });
  if (after) await expect(rows.first()).toHaveAttribute('data-date', nextDay(after));
  const dates = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-date')!));
  const predictions = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number(tr.querySelector('[data-prediction]')!.getAttribute('data-prediction'))),
  );
  return { dates, predictions };
}

export const nextDay = (date: string, days = 1): string => addDays(date, days);

export function forecastMemory(page: Page): Promise<{ numTensors: number; backend: string }> {
  return page.evaluate(() => (window as any).__tabml.forecast.call('memory', {}));
}
