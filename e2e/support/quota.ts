/**
 * This site's storage quota, set over CDP (Storage.overrideQuotaForOrigin) as on a phone whose disk
 * is full. The override lasts as long as its CDP session, so the session stays open. Chromium's
 * IndexedDB reads the quota when the site first opens a database and re-reads it only when that runs
 * out, so a full disk is set before the first visit (measured here: a quota shrunk later, even across
 * a reload, was not enforced).
 */
import type { Page } from '@playwright/test';

/** Returns a setter: bytes shrink the quota, null gives the real one back. */
export async function quotaControl(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  return async (bytes: number | null) => {
    await cdp.send('Storage.overrideQuotaForOrigin', bytes === null ? { origin } : { origin, quotaSize: bytes });
  };
}
