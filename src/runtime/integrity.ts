/** sha256 of downloaded bytes (WebCrypto: in browsers, workers and Node ≥ 19 alike). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class IntegrityError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `${file} is damaged: its checksum does not match the model package ` +
        `(expected sha256 ${expected.slice(0, 12)}…, got ${actual.slice(0, 12)}…).`,
    );
    this.name = 'IntegrityError';
  }
}

export async function verifySha256(file: string, bytes: ArrayBuffer | Uint8Array, expected: string): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) throw new IntegrityError(file, expected, actual);
}
