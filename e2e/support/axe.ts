/** Helpers for the accessibility specs: axe-core scans and keyboard-only navigation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The page's own section has rendered (pages load on demand); no model is waited for. */
export async function expectPageShown(page: Page): Promise<void> {
  await expect(page.locator('main section.page h1')).toBeVisible({ timeout: 30_000 });
}

/**
 * axe-core (WCAG 2.x A and AA, plus its best practices) finds nothing on the page as it is now.
 * Soft, so one run reports every state's violations, each with the rule, where, and the elements.
 */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(found, `axe violations on ${where}`).toEqual([]);
  expect.soft(await widerThanViewport(page), `elements wider than the viewport on ${where}`).toEqual([]);
}

/**
 * WCAG 1.4.10 (reflow), which axe does not check: nothing makes the page scroll sideways. Names the
 * innermost elements that stick out past the viewport's right edge (a 320 px phone's, say).
 */
function widerThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && Math.round(box.right) > edge && el.checkVisibility() && !el.closest('.visually-hidden');
    });
    return sticking
      .filter((el) => !sticking.some((inner) => inner !== el && el.contains(inner)))
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`);
  });
}

/** Presses Tab (at most `limit` times) until `target` has the focus: proof it is in the tab order. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with Tab within ${limit} presses`).toBeFocused();
}
