/**
 * DATA_DIR/cat-coffee as 64×64 RGB bytes decoded by Debian's PIL (the decoder Keras's load_img uses),
 * cached in training/checkpoints/images/ (git-ignored) so later runs skip the decoding.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_SIZE } from '../../src/models/images/model.ts';
import { REPO_ROOT } from '../lib/data-dir.ts';

export interface CatCoffeeSet {
  classes: string[];
  files: string[];
  labels: Uint8Array;
  /** count × size × size × 3 RGB bytes. */
  pixels: Uint8Array;
  size: number;
  count: number;
}

const CACHE = path.join(REPO_ROOT, 'training/checkpoints/images/cat-coffee-rgb.bin');
const DECODER = path.join(REPO_ROOT, 'training/images/decode-with-pil.py');

export function loadCatCoffee(dataDir: string): CatCoffeeSet {
  const root = path.join(dataDir, 'cat-coffee');
  if (!existsSync(root)) throw new Error(`No cat-coffee images at ${root}`);
  // Re-decode when the folder is newer than the cache (files added or replaced).
  if (!existsSync(CACHE) || statSync(CACHE).mtimeMs < Math.max(...['cat', 'coffee'].map((c) => statSync(path.join(root, c)).mtimeMs))) {
    mkdirSync(path.dirname(CACHE), { recursive: true });
    execFileSync('/usr/bin/python3', [DECODER, root, String(IMAGE_SIZE), CACHE], { stdio: 'inherit' });
  }
  const raw = readFileSync(CACHE);
  const newline = raw.indexOf(10);
  const index = JSON.parse(raw.subarray(0, newline).toString('utf8')) as {
    classes: string[];
    size: number;
    files: string[];
    labels: number[];
  };
  const pixels = new Uint8Array(raw.buffer, raw.byteOffset + newline + 1, raw.byteLength - newline - 1);
  const count = index.files.length;
  if (pixels.length !== count * index.size * index.size * 3) throw new Error(`${CACHE} is truncated; delete it and run again`);
  return { classes: index.classes, files: index.files, labels: Uint8Array.from(index.labels), pixels, size: index.size, count };
}
