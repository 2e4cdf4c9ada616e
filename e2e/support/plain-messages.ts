/** Checks that every error surface on a page speaks plain words: no tfjs or JavaScript internals. */
import { expect, type Page } from '@playwright/test';

/** What only a program writes; mirrors what src/app/plain-message.ts maps away (kept apart on purpose: this one checks that one). */
const INTERNAL_PHRASES = [
  'tf.ready',
  'setBackend',
  'has not yet been initialized',
  'AssertionError',
  'TypeError',
  'ReferenceError',
  'RangeError',
  'undefined',
  'Cannot read properties',
  'is not a function',
  '[object ',
  'NaN',
];
const STACK_LINE = /\n\s*at \S|\.(js|ts|tsx):\d+/;

/** The texts of every place a page shows an error: alerts, notices and the *-error test ids. */
export async function errorTexts(page: Page): Promise<string[]> {
  return page.locator('[role="alert"], .notice, [data-testid$="-error"], [data-testid="model-error"]').allTextContents();
}

export async function expectNoInternalMessages(page: Page): Promise<void> {
  for (const text of await errorTexts(page)) {
    for (const phrase of INTERNAL_PHRASES) expect(text, `an error on the page reads like a program's: "${text}"`).not.toContain(phrase);
    expect(text).not.toMatch(STACK_LINE);
  }
}

const SURFACES = '[role="alert"], .notice, [data-testid$="-error"], [data-testid="model-error"]';

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
  const seen: string[] = await page.evaluate(() => [...((window as unknown as { __tabmlErrorsSeen?: Set<string> }).__tabmlErrorsSeen ?? [])]);
  for (const text of seen) {
    for (const phrase of INTERNAL_PHRASES) expect(text, `an error on the page read like a program's: "${text}"`).not.toContain(phrase);
    expect(text).not.toMatch(STACK_LINE);
  }
}
