/** `npx tsx scripts/screenshot.ts`: the README's picture (docs/digits.png) from the current build in dist/. */
import { chromium } from '@playwright/test';
import { drawDigit } from '../e2e/support/app.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';

const server = await startStaticServer({ root: 'dist' });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 780 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}#/digits`);
  await page.getByTestId('model-progress').waitFor({ state: 'detached' });
  await drawDigit(page, 7);
  await page.getByTestId('digit-prediction').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/digits.png' });
} finally {
  await browser.close();
  await server.close();
}
