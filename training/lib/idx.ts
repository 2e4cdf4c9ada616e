/** Reads (gzipped) IDX files, the format MNIST ships in: big-endian magic, dimensions, then uint8 data. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic >>> 8 !== 0x08) throw new Error(`not an unsigned-byte IDX file (magic ${magic})`);
  const rank = magic & 0xff;
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength - offset !== size)
    throw new Error(`IDX size mismatch: header says ${size} values, file has ${bytes.byteLength - offset}`);
  return { shape, data: bytes.subarray(offset) };
}

export function readIdx(file: string): IdxArray {
  const raw = readFileSync(file);
  return parseIdx(file.endsWith('.gz') ? gunzipSync(raw) : raw);
}
