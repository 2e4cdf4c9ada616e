/**
 * "Update to today" against local stand-ins for Coinbase Exchange and Kraken (other origins, CORS),
 * in a build whose VITE_PRICE_SOURCES points at them and that was made with DATA_DIR pointing
 * nowhere: the bundled history must come from the committed samples. The stand-ins serve days up
 * to the real current day, so the gap after the bundled 2024-04-21 is whatever it is today.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { utcDay } from './fixtures/exchanges.ts';
import { addDays } from './fixtures/prices.ts';
import { type ExchangeServer, FAULTS, startExchangeServer } from './support/exchange-servers.ts';
import { nextDay, shownForecast } from './support/forecast.ts';
import { type StaticServer, startStaticServer } from './support/static-server.ts';
import { expect, test } from './support/test.ts';

const BUNDLED_FIRST = '2014-09-17';
const BUNDLED_LAST = '2024-04-21';
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

test.describe('update to today', () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ serviceWorkers: 'block' });
  let dir: string;
  let coinbase: ExchangeServer;
  let kraken: ExchangeServer;
  let app: StaticServer;
  let violations: string[];

  test.beforeAll(async () => {
    [coinbase, kraken] = await Promise.all([startExchangeServer('coinbase'), startExchangeServer('kraken')]);
    dir = mkdtempSync(path.join(tmpdir(), 'tabml-prices-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      VITE_PRICE_SOURCES: `coinbase=${coinbase.url},kraken=${kraken.url}`,
      DATA_DIR: path.join(dir, 'no-data-here'),
    };
    delete env.VITE_PRICES_URL;
    execFileSync('npx', ['vite', 'build', '--outDir', path.join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'error'], {
      env,
      stdio: 'inherit',
    });
    app = await startStaticServer({ root: path.join(dir, 'dist') });
  });
  test.afterAll(async () => {
    await Promise.all([app?.close(), coinbase?.close(), kraken?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    for (const exchange of [coinbase, kraken]) {
      exchange.fault = null;
      exchange.newest = null;
      exchange.requests.length = 0;
    }
    violations = [];
    const watch = (text: string) => /Content Security Policy|Refused to connect/i.test(text) && violations.push(text);
    page.on('console', (m) => watch(m.text()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  });
  test.afterEach(() => {
    expect(violations).toEqual([]);
  });

  const today = () => utcDay(new Date());
  const yesterday = () => addDays(today(), -1);
  const range = (page: Page) => page.getByTestId('forecast-data-range');
  const requests = (exchange: ExchangeServer) => exchange.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);

  async function open(page: Page) {
    await page.goto(`${app.url}#/forecast`);
    await expect(range(page)).toBeVisible({ timeout: 60_000 });
  }

  test('a fresh profile shows the bundled history, its chart, 7-row table and JSON, without any file or request', async ({ page }) => {
    await open(page);
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${BUNDLED_LAST}, source: bundled.`);
    const shown = await shownForecast(page, BUNDLED_LAST);
    expect(shown.dates[0]).toBe('2024-04-22');
    await expect(page.getByTestId('forecast-chart')).toBeVisible();
    const payload = JSON.parse((await page.getByTestId('forecast-json').textContent())!);
    expect(payload.result.map((r: { date: string }) => r.date)).toEqual(shown.dates);
    await expect(page.getByText(`The newest price is ${daysFrom(BUNDLED_LAST, today())} days old (${BUNDLED_LAST}).`)).toBeVisible();
    await expect(
      page.getByText('Updating asks Coinbase, then Kraken for public Bitcoin prices (daily closes) and sends nothing about you'),
    ).toBeVisible();
    await expect(page.getByTestId('forecast-auto-update')).not.toBeChecked();
    await expect(page.getByTestId('forecast-error')).toHaveCount(0);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${coinbase.url} ${kraken.url};`));
    await page.waitForLoadState('networkidle');
    expect([...requests(coinbase), ...requests(kraken)]).toEqual([]);
  });

  test('Update to today pages Coinbase through the gap; the forecast moves to the coming week and a reload keeps it', async ({ page }) => {
    await open(page);
    const before = await shownForecast(page, BUNDLED_LAST);
    await page.getByTestId('forecast-update').click();
    const gap = daysFrom(BUNDLED_LAST, yesterday());
    await expect(page.getByTestId('forecast-update-status')).toHaveText(`Added ${gap} days (2024-04-22 … ${yesterday()}) from Coinbase.`, {
      timeout: 60_000,
    });
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${yesterday()}, source: bundled + Coinbase.`);
    const after = await shownForecast(page, yesterday());
    expect(after.dates[0]).toBe(today());
    expect(after.predictions).not.toEqual(before.predictions);
    await expect(page.getByText(/The newest price is \d+ days old/)).toHaveCount(0);

    // One window of at most 300 days per request, one after another, each day once; no preflight, no Kraken.
    expect(coinbase.requests.length).toBeGreaterThanOrEqual(3);
    let expectedStart = '2024-04-22';
    for (const { method, url } of coinbase.requests) {
      expect(method).toBe('GET');
      const start = url.searchParams.get('start')!.slice(0, 10);
      const end = url.searchParams.get('end')!.slice(0, 10);
      expect(start).toBe(expectedStart);
      expect(daysFrom(start, end) + 1).toBeLessThanOrEqual(300);
      expectedStart = nextDay(end);
    }
    expect(expectedStart).toBe(today());
    expect(kraken.requests).toEqual([]);

    await page.reload();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${yesterday()}, source: bundled + Coinbase.`, {
      timeout: 60_000,
    });
    expect(await shownForecast(page, yesterday())).toEqual(after);
    const asked = coinbase.requests.length;
    await page.getByTestId('forecast-update').click();
    await expect(page.getByTestId('forecast-update-status')).toHaveText(
      `Already up to date: the newest price is from ${yesterday()}, the last finished day (UTC).`,
    );
    expect(coinbase.requests.length).toBe(asked);
  });

  test('Coinbase answers 429 without CORS headers: Kraken fills in its latest 720 days, and the page says the rest is missing', async ({
    page,
  }) => {
    coinbase.fault = '429-without-cors';
    await open(page);
    await page.getByTestId('forecast-update').click();
    const firstKraken = addDays(today(), -719);
    await expect(page.getByTestId('forecast-update-status')).toHaveText(
      `Added ${daysFrom(firstKraken, yesterday()) + 1} days (${firstKraken} … ${yesterday()}) from Kraken.`,
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByText('Coinbase could not be reached. The prices came from Kraken instead.')).toBeVisible();
    await expect(
      page.getByText(
        `Partly filled: Kraken had no prices from 2024-04-22 to ${addDays(firstKraken, -1)} ` +
          `(Kraken gives only its latest 720 days), so prices were added from ${firstKraken} on`,
      ),
    ).toBeVisible();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${yesterday()}, source: bundled + Kraken.`);
    await shownForecast(page, yesterday());
    expect(coinbase.requests).toHaveLength(1); // no further pages once Coinbase failed
    expect(kraken.requests).toHaveLength(1);
  });

  test('both sources down, then offline: a plain message, nothing lost, and the retry works', async ({ page, context }) => {
    await open(page);
    const before = await shownForecast(page, BUNDLED_LAST);
    const error = page.getByTestId('forecast-error');
    const button = page.getByTestId('forecast-update');

    coinbase.fault = 'down';
    kraken.fault = 'down';
    await button.click();
    await expect(error).toHaveText(
      "Could not update the prices. Coinbase answered with an error (HTTP 503: 'Service " +
        "Unavailable'). Kraken answered with an error (HTTP 503: 'Service Unavailable'). " +
        'Your prices and the model are unchanged. Try again later, or open a CSV of newer daily prices.',
    );
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${BUNDLED_LAST}, source: bundled.`);
    expect(await shownForecast(page)).toEqual(before);
    await expect(button).toBeEnabled();

    coinbase.fault = null;
    kraken.fault = null;
    await context.setOffline(true);
    await button.click();
    await expect(error).toHaveText(
      'Could not update the prices. Coinbase could not be reached. Kraken could not be reached. Your prices and the model are unchanged. ' +
        'This device seems to be offline: connect to the internet, then press Update to today again.',
    );
    expect(await shownForecast(page)).toEqual(before);
    await context.setOffline(false);

    await button.click();
    await expect(page.getByTestId('forecast-update-status')).toContainText('from Coinbase.', { timeout: 60_000 });
    await expect(error).toHaveCount(0);
    await shownForecast(page, yesterday());
  });

  test('every bad answer from both sources leaves the prices and the model as they were, in plain words', async ({ page }) => {
    await open(page);
    const before = await shownForecast(page, BUNDLED_LAST);
    const model = await page.getByTestId('forecast-model').textContent();
    const error = page.getByTestId('forecast-error');
    for (const fault of FAULTS) {
      coinbase.fault = fault;
      kraken.fault = fault;
      await page.getByTestId('forecast-update').click();
      await expect(error).toContainText('Could not update the prices.');
      const message = (await error.textContent())!;
      console.log(`bad answer '${fault}' from both: ${message}`);
      expect(message).toContain('Your prices and the model are unchanged.');
      expect(message).not.toMatch(/TypeError|SyntaxError|undefined|Failed to fetch|\bat \w+ \(/);
      await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${BUNDLED_LAST}, source: bundled.`);
      expect(await shownForecast(page)).toEqual(before);
      await expect(page.getByTestId('forecast-model')).toHaveText(model!);
    }
    await page.reload();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${BUNDLED_LAST}, source: bundled.`, {
      timeout: 60_000,
    }); // nothing was stored
    coinbase.fault = null;
    kraken.fault = null;
    await page.getByTestId('forecast-update').click();
    await expect(page.getByTestId('forecast-update-status')).toContainText('from Coinbase.', { timeout: 60_000 });
  });

  test('auto-update: off, reloads ask nothing; on, a reload fetches only the missing days', async ({ page }) => {
    await open(page);
    await page.reload();
    await expect(range(page)).toBeVisible({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect([...requests(coinbase), ...requests(kraken)]).toEqual([]); // off: nothing, though the prices are old

    // The exchanges' newest day is five days ago: an update stops there.
    const older = addDays(today(), -5);
    coinbase.newest = older;
    kraken.newest = older;
    await page.getByTestId('forecast-update').click();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${older}, source: bundled + Coinbase.`, { timeout: 60_000 });

    await page.getByTestId('forecast-auto-update').check();
    coinbase.newest = null;
    kraken.newest = null;
    coinbase.requests.length = 0;
    await page.reload();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${yesterday()}, source: bundled + Coinbase.`, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('forecast-auto-update')).toBeChecked();
    expect(requests(coinbase)).toEqual([
      `GET /products/BTC-USD/candles?granularity=86400&start=${nextDay(older)}T00:00:00Z&end=${yesterday()}T23:59:59Z`,
    ]);
    await shownForecast(page, yesterday());

    await page.reload();
    await expect(range(page)).toHaveText(`Prices from ${BUNDLED_FIRST} to ${yesterday()}, source: bundled + Coinbase.`, {
      timeout: 60_000,
    });
    await page.waitForLoadState('networkidle');
    expect(coinbase.requests).toHaveLength(1);
    expect(kraken.requests).toEqual([]);
  });
});
