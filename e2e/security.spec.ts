import { DIGIT_STROKES } from './fixtures/digit-strokes.ts';
import { digitPicture } from './fixtures/png.ts';
import { drawDigit, expectModelReady } from './support/app.ts';
import { expect, test } from './support/test.ts';

test('the Content-Security-Policy holds: no violation while the app does its work', async ({ page }) => {
  const violations: string[] = [];
  const watch = (text: string) => /Content Security Policy|Refused to/i.test(text) && violations.push(text);
  page.on('console', (m) => watch(m.text()));
  page.on('worker', (w) => w.on('console', (m) => watch(m.text())));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await page.goto('#/digits');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");

  await expectModelReady(page);
  await drawDigit(page, 7);
  await expect(page.getByTestId('digit-prediction')).toHaveText('7');
  await page.getByTestId('digit-upload').setInputFiles({
    name: 'three.png',
    mimeType: 'image/png',
    buffer: digitPicture(DIGIT_STROKES[3], { width: 300, height: 300, paper: [255, 255, 255], ink: [0, 0, 0] }),
  });
  await expect(page.getByTestId('digit-prediction')).toHaveText('3');
  for (const nav of ['nav-images', 'nav-text', 'nav-forecast', 'nav-digits']) await page.getByTestId(nav).click();
  expect(violations).toEqual([]);
});
