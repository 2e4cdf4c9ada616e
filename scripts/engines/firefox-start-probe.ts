/**
 * `npx tsx scripts/engines/firefox-start-probe.ts [query] [starts]`: how often the app's backend
 * starts in Firefox once the service worker serves the page (the path where tfjs's threaded WASM
 * start hung: README "Other engines"). Each start is a fresh Firefox: open #/digits, wait for the
 * service worker, reload, then watch the backend badge for 40 s. Serves dist/ (run `npm run build`).
 * Example: `… "?tfjsflags=WASM_HAS_MULTITHREAD_SUPPORT:true" 8` tries the threaded build.
 */
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../e2e/support/static-server.ts';

const [query = '', starts = '4'] = process.argv.slice(2);
const server = await startStaticServer({ root: 'dist', port: 4391 });
const badgeText = () => document.querySelector('[data-testid="backend-badge"]')?.textContent ?? '';
let started = 0;
try {
  for (let i = 0; i < Number(starts); i++) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
    });
    try {
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      await page.goto(`${server.url}${query}#/digits`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      const t0 = Date.now();
      let badge = await page.evaluate(badgeText);
      while (/starting/i.test(badge) && Date.now() - t0 < 40_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        badge = await page.evaluate(badgeText);
      }
      const ok = !/starting/i.test(badge);
      if (ok) started++;
      console.log(`start ${i + 1}: ${ok ? `ready (${badge})` : 'still starting after 40 s'}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
console.log(`${started} of ${starts} starts became ready`);
