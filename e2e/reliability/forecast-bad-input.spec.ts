/**
 * The Forecast page's bad-input catalogue: each file says what is wrong with it, naming the line
 * when there is one, and the prices and model shown stay as they were.
 */

import { priceSeries, YAHOO_HEADER } from '../fixtures/prices.ts';
import { openForecast, pickCsv, shownForecast, withoutSamplePrices } from '../support/forecast.ts';
import { expectNoInternalMessagesSeen, recordErrorTexts } from '../support/plain-messages.ts';
import { expect, test } from '../support/test.ts';

test.use({ serviceWorkers: 'block' });

// Every message any of these inputs brings up, even for a moment, must be plain words.
test.beforeEach(async ({ page }) => recordErrorTexts(page));
test.afterEach(async ({ page }) => expectNoInternalMessagesSeen(page));

const GOOD = priceSeries({ start: '2023-03-06', days: 7 * 30, seed: 5 });
const lines = (...l: string[]) => `${l.join('\n')}\n`;

test('bad price files are refused with a message naming the line; data and model stay; BOM + CRLF is accepted', async ({ page }) => {
  await withoutSamplePrices(page);
  await openForecast(page);
  await pickCsv(page, GOOD.csv, 'good.csv');
  const good = await shownForecast(page, GOOD.lastDate);
  const model = await page.getByTestId('forecast-model').textContent();
  const error = page.getByTestId('forecast-error');

  const PNG = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
  ]);
  const fiveDays = priceSeries({ start: '2024-01-01', days: 10, seed: 2 });
  const goodLines = GOOD.csv.trim().split('\n');
  const cases: Array<{ name: string; body: string | Buffer; message: string | RegExp }> = [
    { name: 'picture.png', body: PNG, message: 'picture.png: This is not a text file: expected a CSV export of daily prices' },
    {
      name: 'empty.csv',
      body: '',
      message: 'empty.csv: empty.csv is empty: expected a header line like Date,Open,High,Low,Close,Adj Close,Volume',
    },
    {
      name: 'no-close.csv',
      body: lines('Date,Open,High,Low,Volume', '2024-01-01,1,2,0.5,10'),
      message: "No 'Close' column (nor 'Adj Close'): the first line should be a header like",
    },
    {
      name: 'nulls.csv',
      body: lines(
        YAHOO_HEADER,
        ...Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},null,null,null,null,null,null`),
      ),
      message: "No prices: every line after the header has 'null' as its close (20 lines).",
    },
    {
      name: 'short.csv',
      body: fiveDays.csv,
      message: 'Only 10 days of prices (2024-01-01 … 2024-01-10): forecasting and training need at least 14 days (two weeks).',
    },
    {
      name: 'garbage.csv',
      body: lines(...goodLines.slice(0, 4), goodLines[4].replace(/^([^,]+,[^,]+,[^,]+,[^,]+,)[^,]+/, '$11.2.3'), ...goodLines.slice(5)),
      message: "garbage.csv: Line 5: the close price '1.2.3' is not a number.",
    },
    {
      name: 'negative.csv',
      body: lines(...goodLines.slice(0, 9), goodLines[9].replace(/^([^,]+,[^,]+,[^,]+,[^,]+,)[^,]+/, '$1-40'), ...goodLines.slice(10)),
      message: "negative.csv: Line 10: the close price '-40' is not a positive number.",
    },
    {
      name: 'bad-date.csv',
      body: lines(...goodLines.slice(0, 7), '2023-02-30,1,1,1,1,1,1', ...goodLines.slice(7)),
      message: "Line 8: the date '2023-02-30' is not a valid YYYY-MM-DD date.",
    },
    { name: 'semicolons.csv', body: GOOD.csv.replace(/,/g, ';'), message: "Line 1: the values are separated by ';'; expected commas" },
  ];
  for (const c of cases) {
    await pickCsv(page, c.body, c.name);
    await expect(error, c.name).toContainText(c.message);
    await expect(error).toContainText('The prices and the model shown are unchanged.');
    expect(await shownForecast(page, GOOD.lastDate), c.name).toEqual(good);
    await expect(page.getByTestId('forecast-model')).toHaveText(model!);
  }

  const newer = priceSeries({ start: '2023-06-05', days: 7 * 30, seed: 6 });
  await pickCsv(page, `\uFEFF${newer.csv.replace(/\n/g, '\r\n')}`, 'windows.csv');
  await shownForecast(page, newer.lastDate);
  await expect(error).toHaveCount(0);
});
