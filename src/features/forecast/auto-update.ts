/**
 * "Keep prices up to date on this device": off unless the visitor turns it on; remembered in
 * localStorage with the time of the last automatic update, so reloads ask the exchange at most
 * once an hour. Storage that refuses (private modes, quotas) means off, and nothing breaks.
 */
export { AUTO_UPDATE_EVERY_MS } from '../../runtime/settings.ts';

import { AUTO_UPDATE_EVERY_MS } from '../../runtime/settings.ts';

const ENABLED_KEY = 'tabml.forecast.autoUpdate';
const LAST_KEY = 'tabml.forecast.autoUpdate.lastAt';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function autoUpdateOn(storage: Store | null = store()): boolean {
  try {
    return storage?.getItem(ENABLED_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setAutoUpdate(on: boolean, storage: Store | null = store()): void {
  try {
    storage?.setItem(ENABLED_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered: it still applies to this visit
  }
}

/** True when the last automatic update is an hour old or more (or never happened, or lies in the future). */
export function autoUpdateDue(nowMs: number, storage: Store | null = store()): boolean {
  let last = Number.NaN;
  try {
    last = Number(storage?.getItem(LAST_KEY) ?? Number.NaN);
  } catch {
    // unreadable: due
  }
  return !(last <= nowMs && nowMs - last < AUTO_UPDATE_EVERY_MS);
}

export function noteAutoUpdate(nowMs: number, storage: Store | null = store()): void {
  try {
    storage?.setItem(LAST_KEY, String(nowMs));
  } catch {
    // then the next visit may ask again: harmless
  }
}
