/**
 * When the device's storage for this site is full: how big the thing being saved is, and a plain
 * sentence saying how much space it needs (and how much is free, when the browser says).
 */

/** What the browser says about this site's storage (navigator.storage.estimate()), when it says. */
export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** Browsers name it QuotaExceededError (Chromium, Firefox) or say "quota" in the message (older Safari). */
export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error) && !(typeof DOMException !== 'undefined' && err instanceof DOMException)) return false;
  const { name, message } = err as Error;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota|full disk|disk is full|no space/i.test(message);
}

/** Bytes a value takes when IndexedDB keeps it: typed arrays by their bytes, the rest as JSON's text. */
export function storedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + storedBytes(v), 2);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).reduce((sum, [key, v]) => sum + key.length + 3 + storedBytes(v), 2);
  }
  return JSON.stringify(value ?? null).length;
}

/** 1234 → "1.2 KB": decimal units, as browsers' settings pages show them. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} bytes` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * The estimate can show room while the write is refused (the disk is full, other tabs wrote, the
 * estimate lags, or DevTools shrank the quota): then its numbers are left out, they would contradict.
 * "Saving the retrained model needs about 2.4 KB, and this site's storage on this device is full
 * (10 KB used of 10 KB). …": `what` names the thing, `outcome` says what happens meanwhile.
 */
export function storageFullMessage(what: string, neededBytes: number, estimate: StorageEstimate | null, outcome: string): string {
  const free = estimate ? Math.max(0, estimate.quota - estimate.usage) : null;
  const room =
    estimate === null
      ? "this site's storage on this device is full"
      : free! < neededBytes
        ? `only ${formatBytes(free!)} of this site's ${formatBytes(estimate.quota)} of storage on this device is free`
        : 'the browser refused to store it (the device’s disk may be full)';
  return (
    `Saving ${what} needs about ${formatBytes(neededBytes)}, but ${room}. ${outcome} Free some ` +
    `space on the device (or clear other sites' data in the browser's settings), then try again.`
  );
}
