/** Checks that every error surface on a page speaks plain words: no tfjs or JavaScript internals. */
import { expect, type Page } from '@playwright/test';
import { messageProblem } from '../../src/testing/plain-error.ts';

/** Why a text shown on the page reads like a program's (the app's own list, as the parsers' fuzz tests apply it), or null. */
const problemOf = (text: string) => messageProblem(text, '');

/** Every place a page shows an error: alerts, notices and the *-error test ids. */
const SURFACES = '[role="alert"], .notice, [data-testid$="-error"], [data-testid="model-error"]';

export async function errorTexts(page: Page): Promise<string[]> {
  return page.locator(SURFACES).allTextContents();
}

export async function expectNoInternalMessages(page: Page): Promise<void> {
  for (const text of await errorTexts(page)) expect(problemOf(text), `an error on the page: "${text}"`).toBeNull();
}

/**
 * From the next navigation on, records every text that any error surface shows, even for a moment
 * (a message replaced by the next one is still checked). Read with expectNoInternalMessagesSeen.
 */
export async function recordErrorTexts(page: Page): Promise<void> {
  await page.addInitScript((selector) => {
    const seen = new Set<string>();
    (window as unknown as { __tabmlErrorsSeen: Set<string> }).__tabmlErrorsSeen = seen;
    const collect = () => document.querySelectorAll(selector).forEach((el) => el.textContent && seen.add(el.textContent));
    new MutationObserver(collect).observe(document, { subtree: true, childList: true, characterData: true });
  }, SURFACES);
}

export async function expectNoInternalMessagesSeen(page: Page): Promise<void> {
  const seen: string[] = await page.evaluate(() => [
    ...((window as unknown as { __tabmlErrorsSeen?: Set<string> }).__tabmlErrorsSeen ?? []),
  ]);
  for (const text of seen) expect(problemOf(text), `an error shown on the page: "${text}"`).toBeNull();
}
